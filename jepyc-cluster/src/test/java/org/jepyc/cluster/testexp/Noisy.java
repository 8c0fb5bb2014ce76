package org.jepyc.cluster.testexp;

import java.util.Map;

import org.jepyc.Experiment;

/** Results drawn only from the run's seeded generator: identical wherever a seeded campaign runs. */
public class Noisy extends Experiment {
    private static final long serialVersionUID = 1L;

    @Override
    protected Map<String, ?> perform(Map<String, Object> p) {
        return Map.of("noise", random().nextGaussian(), "draw", random().nextLong());
    }
}
