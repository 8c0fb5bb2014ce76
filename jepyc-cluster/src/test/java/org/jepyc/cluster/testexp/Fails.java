package org.jepyc.cluster.testexp;

import java.util.Map;

import org.jepyc.Experiment;

/** Throws for odd a. */
public class Fails extends Experiment {
    private static final long serialVersionUID = 1L;

    @Override
    protected Map<String, ?> perform(Map<String, Object> p) {
        long a = ((Number) p.get("a")).longValue();
        if (a % 2 == 1) {
            throw new IllegalStateException("odd a " + a);
        }
        return Map.of("total", a);
    }
}
