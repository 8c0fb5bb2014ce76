package org.jepyc.cluster.testexp;

import java.util.Map;

import org.jepyc.Experiment;

/** Returns total = a (+ b if given), after sleeping {@code ms} milliseconds if given. */
public class Sum extends Experiment {
    private static final long serialVersionUID = 1L;

    @Override
    protected Map<String, ?> perform(Map<String, Object> p) throws Exception {
        long ms = p.containsKey("ms") ? ((Number) p.get("ms")).longValue() : 0;
        if (ms > 0) {
            Thread.sleep(ms);
        }
        long a = ((Number) p.get("a")).longValue();
        long b = p.containsKey("b") ? ((Number) p.get("b")).longValue() : 0;
        return Map.of("total", a + b);
    }
}
