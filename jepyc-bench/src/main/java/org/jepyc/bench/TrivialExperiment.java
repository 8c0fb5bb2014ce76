package org.jepyc.bench;

import java.util.Map;

import org.jepyc.Experiment;

/** Two arithmetic results from two parameters: the per-point overhead of a lab, and nothing else. */
public final class TrivialExperiment extends Experiment {
    private static final long serialVersionUID = 1L;

    @Override
    protected Map<String, ?> perform(Map<String, Object> p) {
        long a = (Long) p.get("a");
        long b = (Long) p.get("b");
        return Map.of("sum", a + b, "product", a * b);
    }
}
