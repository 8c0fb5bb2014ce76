package org.jepyc;

import java.util.Map;
import java.util.Objects;

/**
 * An experiment wrapped around another. Setting a point sets the underlying
 * experiment's; the combinator's own run times and records its own work around it.
 */
public abstract class ExperimentCombinator extends Experiment {
    private static final long serialVersionUID = 1L;
    private final Experiment experiment;

    /** @param experiment the underlying experiment */
    protected ExperimentCombinator(Experiment experiment) {
        this.experiment = Objects.requireNonNull(experiment, "experiment");
    }

    /** @return the underlying experiment */
    public Experiment experiment() {
        return experiment;
    }

    /** Passes the point to the underlying experiment and returns this combinator. */
    @Override
    public Experiment set(Map<String, ?> parameters) {
        experiment.set(parameters);
        return this;
    }

    /** Seeds this combinator and the experiment under it. */
    @Override
    public void seedWith(Long root) {
        super.seedWith(root);
        experiment.seedWith(root);
    }

    /** @return the underlying experiment's point */
    @Override
    public Map<String, Object> parameters() {
        return experiment.parameters();
    }
}
