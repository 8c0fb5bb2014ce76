package org.jepyc.run;

import java.time.Duration;

/**
 * Commits a persistent notebook every so often during a long run, so a crash loses at most one
 * interval's results (epyc commits only at the end of a run). Checking costs one clock read
 * per point.
 */
public final class PeriodicCommitter {
    private final Runnable commit;
    private final long intervalNanos;
    private long last = System.nanoTime();

    /**
     * @param commit     commits the notebook
     * @param persistent whether the notebook has anything to commit to (an in-memory one has not)
     * @param interval   how often; zero or negative commits only at the end
     */
    public PeriodicCommitter(Runnable commit, boolean persistent, Duration interval) {
        this.commit = commit;
        this.intervalNanos = persistent && !interval.isNegative() && !interval.isZero()
                ? interval.toNanos() : Long.MAX_VALUE;
    }

    /** Commits if the interval has passed since the last commit. */
    public void tick() {
        if (intervalNanos != Long.MAX_VALUE) {
            long now = System.nanoTime();
            if (now - last >= intervalNanos) {
                commit.run();
                last = System.nanoTime();
            }
        }
    }
}
