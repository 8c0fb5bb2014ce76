package org.jepyc;

import java.time.Duration;

/**
 * Counts points as they enter the notebook and tells a {@link ProgressListener}: what every lab
 * does with its results, here for labs that collect them themselves (a cluster lab).
 */
public final class ProgressTracker {
    private final ProgressListener listener;
    private final int total;
    private final long start = System.nanoTime();
    private int done;
    private int failed;

    /**
     * @param listener who to tell
     * @param total    points in the run
     */
    public ProgressTracker(ProgressListener listener, int total) {
        this.listener = listener;
        this.total = total;
        listener.started(total);
    }

    /** @param r a result that entered the notebook */
    public void completed(ResultsDict r) {
        done++;
        if (!r.success()) {
            failed++;
        }
        if (listener != ProgressListener.NONE) {
            listener.progress(state());
        }
    }

    /** Tells the listener the run is over. */
    public void finished() {
        listener.finished(state());
    }

    /** @return the number of points done */
    public int done() {
        return done;
    }

    private Progress state() {
        return new Progress(done, failed, total, Duration.ofNanos(System.nanoTime() - start));
    }
}
