package org.jepyc;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a campaign stands: of the points a lab's design gives, how many have a successful
 * result in the current set, how many only failed ones, how many are pending, and how many are
 * left; with an estimate of the time left from the timings already recorded.
 *
 * @param total     points in the design
 * @param done      points with a successful result
 * @param failed    points with only failed results
 * @param pending   points with a pending job and no result
 * @param left      points with neither
 * @param remaining time to run what is left (and, if failed ones are rerun, those) at the mean
 *                  recorded time per point on the lab's cores; empty when nothing is recorded yet
 */
public record Plan(int total, int done, int failed, int pending, int left, Optional<Duration> remaining) {

    @Override
    public String toString() {
        return total + " points: " + done + " done, " + failed + " failed, " + pending + " pending, " + left + " left"
                + remaining.filter(d -> !d.isZero()).map(d -> String.format(", about %d:%02d:%02d to go", d.toHours(), d.toMinutesPart(),
                d.toSecondsPart())).orElse("");
    }
}
