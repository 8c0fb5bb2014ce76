package org.jepyc.cluster.slurm;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.jepyc.cluster.admin.ClusterUnavailableException;
import org.jepyc.cluster.launch.ClusterLauncher;
import org.jepyc.cluster.admin.ConnectionFile;

/**
 * A profile's SLURM workers: its batch script ({@code worker.sbatch}) and the ledger of the jobs
 * submitted for it ({@code slurm-jobs}, one job id a line, appended under a file lock by the
 * command line and the head alike), from which they are watched and cancelled.
 */
public final class SlurmCluster {
    /** The batch script's file name in the profile directory. */
    public static final String SCRIPT = "worker.sbatch";
    /** The job ledger's file name in the profile directory. */
    public static final String LEDGER = "slurm-jobs";
    private final Path dir;
    private final Slurm slurm;

    /**
     * @param profileDir the profile's directory
     * @param slurm      SLURM's commands
     */
    public SlurmCluster(Path profileDir, Slurm slurm) {
        this.dir = profileDir;
        this.slurm = slurm;
    }

    /** @return the batch script */
    public Path script() {
        return dir.resolve(SCRIPT);
    }

    /** @return true if workers of this profile were submitted to SLURM */
    public boolean exists() {
        return Files.exists(dir.resolve(LEDGER)) || Files.exists(script());
    }

    /**
     * @param spec the worker jobs
     * @return the script written
     * @throws IOException if it cannot be written
     */
    public Path writeScript(WorkerJobSpec spec) throws IOException {
        Files.createDirectories(spec.logDir());
        Path s = script();
        Files.writeString(s, BatchScript.render(spec));
        s.toFile().setExecutable(true, true);
        return s;
    }

    /**
     * Submits n more workers with the profile's batch script and records their jobs.
     *
     * @param n workers
     * @return the job ids
     * @throws IOException if the ledger cannot be written
     */
    public List<String> submit(int n) throws IOException {
        if (n < 1) {
            throw new IllegalArgumentException("The number of workers to submit must be at least 1, got " + n);
        }
        if (!Files.isRegularFile(script())) {
            throw new IllegalArgumentException("No batch script " + script() + ": start the cluster with "
                    + "`jepyc cluster start --slurm` first");
        }
        List<String> ids = slurm.submit(script(), n);
        try (FileChannel ch = FileChannel.open(dir.resolve(LEDGER), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND); FileLock lock = ch.lock()) {
            ch.write(StandardCharsets.UTF_8.encode(String.join("\n", ids) + "\n"));
        }
        return ids;
    }

    /**
     * @return the job ids submitted for this profile
     * @throws IOException if the ledger cannot be read
     */
    public List<String> jobIds() throws IOException {
        Path l = dir.resolve(LEDGER);
        if (!Files.exists(l)) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String s : Files.readAllLines(l)) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return new ArrayList<>(out);
    }

    /** @return the profile's jobs as SLURM knows them @throws IOException if the ledger cannot be read */
    public List<SlurmJob> jobs() throws IOException {
        return slurm.jobs(jobIds());
    }

    /** @return the number of workers pending or running @throws IOException if the ledger cannot be read */
    public int activeWorkers() throws IOException {
        return jobs().stream().filter(SlurmJob::active).mapToInt(SlurmJob::tasks).sum();
    }

    /**
     * Cancels every job of the profile still pending or running.
     *
     * @return the jobs cancelled
     * @throws IOException if the ledger cannot be read
     */
    public List<String> cancelAll() throws IOException {
        List<String> active = new ArrayList<>();
        for (SlurmJob j : jobs()) {
            if (j.active()) {
                active.add(j.id().contains("[") ? j.id().substring(0, j.id().indexOf('_')) : j.id());
            }
        }
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(active));
        slurm.cancel(ids);
        return ids;
    }

    /** Forgets the profile's jobs (after they were cancelled). @throws IOException if it cannot */
    public void forget() throws IOException {
        Files.deleteIfExists(dir.resolve(LEDGER));
    }

    /**
     * Starts the head process in the background ({@link HeadMain}) and waits until it answers.
     *
     * @param cf         the cluster, whose only address is the head's
     * @param java       the java executable
     * @param classpath  jepyc's classpath
     * @param jvmOptions the head JVM's options
     * @param keep       workers the head keeps alive by submitting replacements (0: none)
     * @param timeout    how long to wait for it
     * @return the head process
     * @throws IOException if it cannot be started
     */
    public Process startHead(ConnectionFile cf, String java, String classpath, List<String> jvmOptions, int keep,
                             Duration timeout) throws IOException {
        String a = cf.addresses().get(0);
        int colon = a.lastIndexOf(':');
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid");     // its own session: it outlives the command that started it
        }
        cmd.add(java);
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classpath, HeadMain.class.getName(), "--connect", cf.path().toString(),
                "--host", a.substring(0, colon), "--port", a.substring(colon + 1),
                "--profile-dir", dir.toString(), "--keep", Integer.toString(keep)));
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("head.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        try {
            ClusterLauncher.awaitMembers(cf, 1, timeout);
        } catch (ClusterUnavailableException e) {
            p.destroy();
            throw new IllegalStateException("The cluster's head did not start: see " + logs.resolve("head.log"), e);
        }
        return p;
    }
}
