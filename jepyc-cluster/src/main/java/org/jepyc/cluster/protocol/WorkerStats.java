package org.jepyc.cluster.protocol;

import java.util.Optional;

/**
 * What one worker has run since it started, as it publishes it after each batch.
 *
 * @param batches batches (tasks) run
 * @param points  points run
 */
public record WorkerStats(long batches, long points) {
    /** @return the stored form */
    public String format() {
        return batches + "|" + points;
    }

    /** @param s a stored form, or anything @return the stats, or empty if it is not a stored form */
    public static Optional<WorkerStats> tryParse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String[] f = s.split("\\|", -1);
        try {
            return f.length == 2 ? Optional.of(new WorkerStats(Long.parseLong(f[0]), Long.parseLong(f[1]))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
