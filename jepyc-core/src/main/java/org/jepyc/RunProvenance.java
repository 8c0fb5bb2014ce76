package org.jepyc;

import java.util.ArrayList;
import java.util.List;

import org.jepyc.campaign.Provenance;

/**
 * Records where a run came from as attributes of the result set it fills: the machine and code
 * ({@link Provenance}), the number of points the design gave, and the root seed of a seeded run.
 * Every run records its own, so a set always says how its last run was made.
 */
final class RunProvenance {
    private RunProvenance() { }

    /**
     * @param rs       the result set the run fills (not locked)
     * @param e        the experiment the run runs
     * @param points   the number of points the design gave
     * @param rootSeed the run's root seed, or null for an unseeded run
     */
    static void record(ResultSet rs, Experiment e, int points, Long rootSeed) {
        Provenance.of(classes(e)).forEach(rs::setAttribute);
        rs.setAttribute(Lab.CAMPAIGN_POINTS, (long) points);
        if (rootSeed != null) {
            rs.setAttribute(Lab.CAMPAIGN_SEED, rootSeed);
        }
    }

    /** @return the experiment's class and those of the experiments it wraps, outermost first */
    static List<Class<?>> classes(Experiment e) {
        List<Class<?>> out = new ArrayList<>();
        out.add(e.getClass());
        Experiment inner = e;
        while (inner instanceof ExperimentCombinator c) {
            inner = c.experiment();
            out.add(inner.getClass());
        }
        return out;
    }
}
