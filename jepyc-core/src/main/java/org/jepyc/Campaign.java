package org.jepyc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jepyc.campaign.PointHash;
import org.jepyc.campaign.PointStates;

/**
 * What a result set already holds of a design's points, by the stable hash of each point over
 * the lab's parameter names (so parameters an experiment adds while running do not hide a
 * point). Built once per run, from the result set's public view: one hash per stored row, per
 * pending job and per design point. A lab resumes and plans through it.
 */
final class Campaign {
    /** The best state a point has reached (higher is further along). */
    private static final byte FAILED = 0;
    private static final byte PENDING = 1;
    private static final byte DONE = 2;

    private final List<String> names;
    private final PointHash.Hasher hasher;
    private final PointStates states;
    private final double meanSeconds;

    Campaign(ResultSet rs, List<String> names) {
        this.names = names;
        this.hasher = PointHash.over(names);
        List<ResultsDict> rows = rs.results();
        this.states = new PointStates(rows.size() + rs.numberOfPendingResults());
        double seconds = 0;
        int timed = 0;
        for (ResultsDict row : rows) {
            boolean ok = row.success();
            states.raise(hasher.of(row.parameters()), ok ? DONE : FAILED);
            if (ok && row.metadata().get(Experiment.ELAPSED_TIME) instanceof Double d) {
                seconds += d;
                timed++;
            }
        }
        for (String job : rs.pendingResults()) {
            states.raise(hasher.of(rs.pendingResultParameters(job)), PENDING);
        }
        meanSeconds = timed == 0 ? Double.NaN : seconds / timed;
    }

    private byte state(ExperimentalConfiguration c) {
        return states.get(hasher.of(c.parameters()));
    }

    /**
     * @param eps         the design's points
     * @param rerunFailed true to keep points that only failed
     * @return the points still to run
     */
    List<ExperimentalConfiguration> remaining(List<ExperimentalConfiguration> eps, boolean rerunFailed) {
        List<ExperimentalConfiguration> out = new ArrayList<>();
        for (ExperimentalConfiguration c : eps) {
            byte s = state(c);
            if (s < 0 || (s == FAILED && rerunFailed)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * @param eps         the design's points
     * @param rerunFailed true if failed points will run again
     * @param cores       how many points run at once
     * @return where the campaign stands
     */
    Plan plan(List<ExperimentalConfiguration> eps, boolean rerunFailed, int cores) {
        int done = 0;
        int failed = 0;
        int pending = 0;
        for (ExperimentalConfiguration c : eps) {
            byte s = state(c);
            if (s == DONE) {
                done++;
            } else if (s == FAILED) {
                failed++;
            } else if (s == PENDING) {
                pending++;
            }
        }
        int left = eps.size() - done - failed - pending;
        int toRun = left + (rerunFailed ? failed : 0);
        Optional<Duration> eta = Double.isNaN(meanSeconds) ? Optional.empty()
                : Optional.of(Duration.ofMillis((long) Math.ceil(meanSeconds * 1000 * toRun / Math.max(1, cores))));
        return new Plan(eps.size(), done, failed, pending, left, eta);
    }
}
