package org.jepyc.cluster.protocol;

import java.util.Optional;
import java.util.UUID;

/**
 * Where a batch is in its life, stored as a short string so that Hazelcast never needs a
 * jepyc class: queued, or running on a member; how many times a worker died running it; the
 * retries allowed; its number of points. Changed only by compare-and-set, so a batch is
 * claimed by one worker at a time and re-queued once per lost worker.
 *
 * @param running    true once a worker claimed it
 * @param member     the claiming member's UUID (null when queued)
 * @param attempt    how many workers died running it so far
 * @param maxRetries how many such deaths are tolerated before the batch fails
 * @param points     its number of points
 */
public record TaskState(boolean running, UUID member, int attempt, int maxRetries, int points) {

    /**
     * @param maxRetries retries allowed
     * @param points     number of points
     * @return a freshly queued batch's state
     */
    public static TaskState queued(int maxRetries, int points) {
        return new TaskState(false, null, 0, maxRetries, points);
    }

    /** @param m the member taking it @return this batch, running there */
    public TaskState claimedBy(UUID m) {
        return new TaskState(true, m, attempt, maxRetries, points);
    }

    /** @return this batch, queued again as it was before a worker that gave it back took it */
    public TaskState handedBack() {
        return new TaskState(false, null, attempt, maxRetries, points);
    }

    /** @return this batch, queued again after its worker died */
    public TaskState requeuedAfterLoss() {
        return new TaskState(false, null, attempt + 1, maxRetries, points);
    }

    /** @return true if its worker has died more times than allowed */
    public boolean exhausted() {
        return attempt > maxRetries;
    }

    /** @return the stored form */
    public String format() {
        return (running ? "R" : "Q") + "|" + (member == null ? "" : member) + "|" + attempt + "|" + maxRetries + "|" + points;
    }

    /**
     * @param s a stored form
     * @return the state
     * @throws IllegalArgumentException if it is not one
     */
    public static TaskState parse(String s) {
        return tryParse(s).orElseThrow(() -> new IllegalArgumentException("Not a task state: " + s));
    }

    /**
     * Reads a stored form that any process holding the cluster's name may have written: a
     * malformed one is empty, so that one bad entry never stops the code that walks the map.
     *
     * @param s a stored form, or anything
     * @return the state, or empty if it is not one
     */
    public static Optional<TaskState> tryParse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String[] f = s.split("\\|", -1);
        if (f.length != 5 || !(f[0].equals("R") || f[0].equals("Q"))) {
            return Optional.empty();
        }
        try {
            TaskState t = new TaskState("R".equals(f[0]), f[1].isEmpty() ? null : UUID.fromString(f[1]),
                    Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]));
            return t.points() < 0 || t.attempt() < 0 || (t.running() && t.member() == null) ? Optional.empty() : Optional.of(t);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
