package org.jepyc.cluster.worker;

import java.time.Duration;

/**
 * The time a worker has needed per point so far, to tell whether a batch fits in the time its
 * batch job has left. Keeps the slowest rate seen, since a batch cut off by the job's end is run
 * again from its start elsewhere: over-estimating costs an idle end, under-estimating a lost batch.
 */
final class WorkTimer {
    private long slowestNanosPerPoint;
    private boolean timed;

    /**
     * @param points the batch's points
     * @param nanos  the time it took
     */
    synchronized void record(int points, long nanos) {
        timed = true;
        slowestNanosPerPoint = Math.max(slowestNanosPerPoint, nanos / Math.max(1, points));
    }

    /** @param points a batch's size @return the time it would take at the slowest rate seen (zero before any) */
    synchronized Duration estimate(int points) {
        return timed ? Duration.ofNanos(slowestNanosPerPoint * (long) points) : Duration.ZERO;
    }
}
