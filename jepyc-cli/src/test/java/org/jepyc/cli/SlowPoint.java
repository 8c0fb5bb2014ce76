package org.jepyc.cli;

import java.util.Map;

import org.jepyc.Experiment;

/** A slow experiment for SLURM tests: twice {@code a}, after {@code ms} milliseconds of work (a sleep, to spare the shared CPUs). */
public class SlowPoint extends Experiment {
    private static final long serialVersionUID = 1L;

    @Override
    protected Map<String, ?> perform(Map<String, Object> p) throws Exception {
        Thread.sleep(((Number) p.get("ms")).longValue());
        return Map.of("twice", 2 * ((Number) p.get("a")).longValue());
    }
}
