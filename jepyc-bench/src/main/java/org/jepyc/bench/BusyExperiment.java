package org.jepyc.bench;

import java.util.Map;

import org.jepyc.Experiment;

/** Burns about {@code millis} of CPU per point (parameter {@code millis}): a CPU-bound task of known size. */
public final class BusyExperiment extends Experiment {
    private static final long serialVersionUID = 1L;

    @Override
    protected Map<String, ?> perform(Map<String, Object> p) {
        double millis = ((Number) p.get("millis")).doubleValue();
        long end = System.nanoTime() + (long) (millis * 1e6);
        double x = 0;
        long iterations = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                x += Math.sqrt(i + x);
            }
            iterations++;
        }
        return Map.of("x", x, "iterations", iterations);
    }
}
