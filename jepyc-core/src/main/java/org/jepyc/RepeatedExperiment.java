package org.jepyc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs an experiment several times at the same point. Each run is stored as its own
 * row, with its repetition index ({@link #I}) and the count ({@link #REPETITIONS}) in its
 * metadata. Failed repetitions are kept as failed rows; the repetition itself succeeds.
 */
public class RepeatedExperiment extends ExperimentCombinator {
    private static final long serialVersionUID = 1L;

    /** Metadata: 0-based index of the repetition. */
    public static final String I = "epyc.experiment.rep";
    /** Metadata: the number of repetitions. */
    public static final String REPETITIONS = "epyc.experiment.repetitions";

    private final int repetitions;

    /**
     * @param e           the experiment to repeat
     * @param repetitions how many times, at least 1
     */
    public RepeatedExperiment(Experiment e, int repetitions) {
        super(e);
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be at least 1, got " + repetitions);
        }
        this.repetitions = repetitions;
    }

    /** @return the number of repetitions */
    public int repetitions() {
        return repetitions;
    }

    @Override
    protected List<ResultsDict> performSeveral(Map<String, Object> parameters) {
        List<ResultsDict> out = new ArrayList<>(repetitions);
        for (int i = 0; i < repetitions; i++) {
            ResultsDict rc = repetition(i);
            for (ResultsDict r : rc.nested().isEmpty() ? List.of(rc) : rc.nested()) {
                out.add(r.withMetadata(I, (long) i).withMetadata(REPETITIONS, (long) repetitions));
            }
        }
        return out;
    }

    /**
     * Runs one repetition; an extension point for seeding each repetition.
     *
     * @param i the repetition index
     * @return its results dict
     */
    protected ResultsDict repetition(int i) {
        // the repetition's identity, nested inside any repetition this experiment itself is in
        long outer = repetitionKey();
        experiment().repetitionKey(outer < 0 ? i : (outer + 1) * 1_000_003L + i);
        try {
            return experiment().run();
        } finally {
            experiment().repetitionKey(-1);
        }
    }

    /** Never called: a repeated experiment returns its runs from {@link #performSeveral}. */
    @Override
    protected final Map<String, ?> perform(Map<String, Object> parameters) {
        throw new IllegalStateException("RepeatedExperiment returns several runs");
    }
}
