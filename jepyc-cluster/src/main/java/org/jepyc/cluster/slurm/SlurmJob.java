package org.jepyc.cluster.slurm;

import java.util.Set;

/**
 * One SLURM job (or job-array task) as {@code squeue} reports it.
 *
 * @param id     its id ({@code 123} or {@code 123_4}; {@code 123_[5-9]} for array tasks not yet started)
 * @param state  SLURM's state ({@code PENDING}, {@code RUNNING}, {@code TIMEOUT}, {@code CANCELLED}, ...)
 * @param reason why it is pending or why it ended ({@code None} when there is nothing to say)
 * @param tasks  how many workers the line stands for (more than one for a pending array range)
 */
public record SlurmJob(String id, String state, String reason, int tasks) {
    private static final Set<String> ACTIVE = Set.of("PENDING", "CONFIGURING", "RUNNING", "SUSPENDED",
            "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "RESIZING", "SIGNALING", "STAGE_OUT");

    /** @return true if it is waiting to run or running (it will be or is a worker) */
    public boolean active() {
        return ACTIVE.contains(state);
    }

    /** @return true if it has not started yet */
    public boolean pending() {
        return state.equals("PENDING") || state.equals("CONFIGURING") || state.startsWith("REQUEUE");
    }

    /**
     * @param line a line of {@code squeue -h -o %i|%T|%r}
     * @return the job
     * @throws IllegalArgumentException if the line is not one
     */
    static SlurmJob parse(String line) {
        String[] f = line.trim().split("\\|", -1);
        if (f.length < 3) {
            throw new IllegalArgumentException("Unexpected squeue line: " + line);
        }
        return new SlurmJob(f[0], f[1], f[2], arrayTasks(f[0]));
    }

    /** @return the number of array tasks in an id like {@code 12_[0-3,5,7-8%2]}, 1 for a plain id */
    static int arrayTasks(String id) {
        int open = id.indexOf('[');
        if (open < 0) {
            return 1;
        }
        String spec = id.substring(open + 1, id.indexOf(']') < 0 ? id.length() : id.indexOf(']'));
        int pct = spec.indexOf('%');
        if (pct >= 0) {
            spec = spec.substring(0, pct);
        }
        int n = 0;
        for (String part : spec.split(",")) {
            int dash = part.indexOf('-');
            if (dash < 0) {
                n++;
            } else {
                n += Integer.parseInt(part.substring(dash + 1).trim()) - Integer.parseInt(part.substring(0, dash).trim()) + 1;
            }
        }
        return n;
    }
}
