package org.jepyc;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a lab has got with a run of an experiment.
 *
 * @param done    points whose results are in the notebook
 * @param failed  of those, points whose run failed
 * @param total   points in the run
 * @param elapsed time since the run started
 */
public record Progress(int done, int failed, int total, Duration elapsed) {

    /** @return the fraction done, 1.0 for an empty run */
    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }

    /** @return the time left at the rate so far; empty before the first point is done */
    public Optional<Duration> remaining() {
        if (done == 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) (elapsed.toNanos() * ((double) (total - done) / done))));
    }
}
