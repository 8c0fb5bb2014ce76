package org.jepyc.examples;

import java.util.List;

import org.jepyc.Lab;
import org.jepyc.RepeatedExperiment;
import org.jepyc.SummaryExperiment;

/**
 * The demo's campaign: the SIR epidemic over a grid of infection and recovery probabilities,
 * each point repeated and summarised (mean, spread and confidence interval of the epidemic
 * size, peak and duration).
 */
public final class EpidemicSweep {
    /** The result set the sweep fills. */
    public static final String TAG = "sir-sweep";
    /** Repetitions at each point. */
    public static final int REPETITIONS = 20;

    private EpidemicSweep() { }

    /**
     * Fills the lab's current result set (unless it exists already: then reuses it).
     *
     * @param lab the lab to run on
     * @return true if the sweep ran now, false if its results were already in the notebook
     */
    public static boolean run(Lab lab) {
        boolean[] ran = {false};
        lab.createWith(TAG, l -> {
            l.put("n", 10000);
            l.put("kMean", 6.0);
            l.put("pInfect", List.of(0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.10, 0.12, 0.15, 0.20));
            l.put("pRecover", List.of(0.2, 0.4));
            l.runExperiment(new SummaryExperiment(new RepeatedExperiment(new SirEpidemic(), REPETITIONS)));
            ran[0] = true;
        }, "SIR epidemic on an Erdos-Renyi network (n=10000, <k>=6): " + REPETITIONS + " repetitions per point");
        return ran[0];
    }
}
