package org.jepyc.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jepyc.cluster.admin.JepycHome;
import org.jepyc.cluster.slurm.Slurm;
import org.jepyc.cluster.slurm.SlurmCluster;
import org.jepyc.cluster.slurm.SlurmJob;

/** The SLURM part of {@code jepyc cluster status}: the profile's worker jobs, pending, running and ended, and why. */
final class SlurmStatusText {
    private SlurmStatusText() { }

    /**
     * @param profile a profile
     * @return its SLURM jobs (empty if it has none)
     * @throws IOException if the job ledger cannot be read
     */
    static List<SlurmJob> jobs(String profile) throws IOException {
        SlurmCluster c = new SlurmCluster(JepycHome.profileDir(profile), new Slurm());
        return c.exists() ? c.jobs() : List.of();
    }

    /**
     * @param profile a profile
     * @return lines describing its SLURM jobs, or "" if it has none
     * @throws IOException if the job ledger cannot be read
     */
    static String render(String profile) throws IOException {
        SlurmCluster c = new SlurmCluster(JepycHome.profileDir(profile), new Slurm());
        if (!c.exists()) {
            return "";
        }
        List<SlurmJob> jobs = c.jobs();
        int pending = 0;
        int running = 0;
        int ended = 0;
        for (SlurmJob j : jobs) {
            if (j.pending()) {
                pending += j.tasks();
            } else if (j.active()) {
                running += j.tasks();
            } else {
                ended += j.tasks();
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("SLURM worker jobs: %d running, %d pending, %d ended (submitted: %s)%n", running, pending,
                ended, String.join(", ", c.jobIds())));
        for (SlurmJob j : jobs) {
            sb.append(String.format("  %-14s %-12s %s%n", j.id(), j.state(), why(j)));
        }
        return sb.toString();
    }

    /** @return the jobs as JSON-ready maps */
    static List<Map<String, Object>> json(String profile) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SlurmJob j : jobs(profile)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", j.id());
            m.put("state", j.state());
            m.put("reason", why(j));
            m.put("workers", j.tasks());
            out.add(m);
        }
        return out;
    }

    private static String why(SlurmJob j) {
        String r = j.reason().equals("None") ? "" : j.reason();
        return switch (j.state()) {
            case "PENDING" -> r.isEmpty() ? "waiting" : "waiting: " + r;
            case "TIMEOUT" -> "time limit reached (its batches went back to the queue)";
            case "CANCELLED" -> "cancelled";
            case "PREEMPTED" -> "pre-empted";
            case "COMPLETED" -> "worker left (job time nearly up, or the cluster stopped)";
            case "FAILED" -> "failed: see its log" + (r.isEmpty() ? "" : " (" + r + ")");
            case "NODE_FAIL" -> "its node failed";
            case "OUT_OF_MEMORY" -> "out of memory: raise --mem";
            default -> r;
        };
    }
}
