package org.jepyc.cluster.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SLURM's commands ({@code sbatch}, {@code squeue}, {@code scancel}, {@code scontrol}), run as
 * child processes in this process's environment (so {@code SLURM_CONF} chooses the cluster).
 * Only the states {@code squeue} knows are used: no accounting database is needed.
 */
public final class Slurm {
    private static final Logger LOG = LoggerFactory.getLogger(Slurm.class);
    private static final long TIMEOUT_SECONDS = 60;

    /** Uses the SLURM commands on the {@code PATH}. */
    public Slurm() { }

    /**
     * @return the largest number of tasks one job array may have ({@code MaxArraySize}; array
     *         indices run from 0 to one less)
     */
    public int maxArraySize() {
        for (String l : run(List.of("scontrol", "show", "config"), null)) {
            String t = l.trim();
            if (t.startsWith("MaxArraySize")) {
                return Integer.parseInt(t.substring(t.indexOf('=') + 1).trim());
            }
        }
        return 1001;    // SLURM's default
    }

    /**
     * Submits n workers as job arrays of the script, as few as {@code MaxArraySize} allows (a plain
     * job where arrays are disabled).
     *
     * @param script the batch script
     * @param n      workers
     * @return the ids of the jobs submitted (one per array)
     */
    public List<String> submit(Path script, int n) {
        int max = maxArraySize();
        List<String> ids = new ArrayList<>();
        int left = n;
        while (left > 0) {
            List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
            int k;
            if (max <= 1) {
                k = 1;
            } else {
                k = Math.min(left, max);
                cmd.add("--array=0-" + (k - 1));
            }
            cmd.add(script.toString());
            List<String> out = run(cmd, null);
            String id = out.isEmpty() ? "" : out.get(out.size() - 1).trim();
            int semi = id.indexOf(';');
            ids.add(semi >= 0 ? id.substring(0, semi) : id);    // "id;cluster" on federated systems
            left -= k;
        }
        LOG.info("Submitted {} workers as SLURM jobs {}", n, ids);
        return ids;
    }

    /**
     * @param jobIds jobs (array ids stand for all their tasks)
     * @return their tasks as SLURM still knows them (ended ones for {@code MinJobAge}), pending
     *         array ranges as one line
     */
    public List<SlurmJob> jobs(Collection<String> jobIds) {
        List<SlurmJob> out = new ArrayList<>();
        if (jobIds.isEmpty()) {
            return out;
        }
        // one call per job: squeue fails as a whole when one id is no longer known
        for (String id : jobIds) {
            List<String> lines;
            try {
                lines = run(List.of("squeue", "-h", "-t", "all", "-j", id, "-o", "%i|%T|%r"), null);
            } catch (SlurmException e) {
                if (e.getMessage().contains("Invalid job id")) {
                    continue;
                }
                throw e;
            }
            for (String l : lines) {
                if (!l.isBlank()) {
                    out.add(SlurmJob.parse(l));
                }
            }
        }
        return out;
    }

    /** @param jobIds jobs to cancel, pending or running (nothing happens for ended ones) */
    public void cancel(Collection<String> jobIds) {
        if (!jobIds.isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of("scancel"));
            cmd.addAll(jobIds);
            run(cmd, null);
        }
    }

    /**
     * Runs a SLURM command.
     *
     * @param cmd   the command line
     * @param input its standard input, or null
     * @return its standard output's lines
     * @throws SlurmException naming the command, with its error output, if it fails or is missing
     */
    static List<String> run(List<String> cmd, String input) {
        Path err = null;
        Path out = null;
        try {
            err = Files.createTempFile("jepyc-slurm", ".err");
            out = Files.createTempFile("jepyc-slurm", ".out");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(out.toFile());
            if (input == null) {
                pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            }
            Process p = pb.start();
            if (input != null) {
                try (var in = p.getOutputStream()) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SlurmException("`" + String.join(" ", cmd) + "` did not answer within " + TIMEOUT_SECONDS
                        + " s: is slurmctld reachable?", null);
            }
            if (p.exitValue() != 0) {
                throw new SlurmException("`" + String.join(" ", cmd) + "` failed (exit " + p.exitValue() + "): "
                        + Files.readString(err).trim(), null);
            }
            return Files.readAllLines(out);
        } catch (IOException e) {
            throw new SlurmException("Cannot run `" + String.join(" ", cmd) + "` (" + e.getMessage()
                    + "): are SLURM's commands on the PATH of this login node?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlurmException("Interrupted running `" + String.join(" ", cmd) + "`", e);
        } finally {
            deleteQuietly(err);
            deleteQuietly(out);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.debug("Cannot delete {}: {}", p, e.toString());
            }
        }
    }
}
