package org.jepyc.run;

import java.time.Duration;

import org.jepyc.LabNotebook;

/**
 * Commits a persistent notebook every so often during a long run, so a crash loses at most one
 * interval's results (epyc commits only at the end of a run). Checking costs one clock read
 * per point.
 */
public final class PeriodicCommitter {
    private final LabNotebook notebook;
    private final long intervalNanos;
    private long last = System.nanoTime();

    /**
     * @param notebook the notebook to commit
     * @param interval how often; zero or negative commits only at the end
     */
    public PeriodicCommitter(LabNotebook notebook, Duration interval) {
        this.notebook = notebook;
        this.intervalNanos = notebook.isPersistent() && !interval.isNegative() && !interval.isZero()
                ? interval.toNanos() : Long.MAX_VALUE;
    }

    /** Commits if the interval has passed since the last commit. */
    public void tick() {
        if (intervalNanos != Long.MAX_VALUE) {
            long now = System.nanoTime();
            if (now - last >= intervalNanos) {
                notebook.commit();
                last = System.nanoTime();
            }
        }
    }
}
