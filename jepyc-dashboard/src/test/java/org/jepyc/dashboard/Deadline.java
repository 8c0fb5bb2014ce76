package org.jepyc.dashboard;

import java.time.Duration;

/** A time limit for waiting on an observed condition: tests poll state, they never sleep to synchronise. */
final class Deadline {
    private final long end;

    Deadline(Duration limit) {
        this.end = System.nanoTime() + limit.toNanos();
    }

    /**
     * Fails if the time is up, else yields briefly before the caller looks again.
     *
     * @param what what is awaited, for the message
     */
    void check(String what) {
        if (System.nanoTime() - end > 0) {
            throw new AssertionError("Timed out waiting for " + what);
        }
        Thread.onSpinWait();
        try {
            Thread.sleep(20);       // pacing the polling loop, not synchronising
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted waiting for " + what, e);
        }
    }
}
