package org.jepyc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jepyc.summary.Summary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an experiment (typically a {@link RepeatedExperiment}) and replaces its results by
 * summary statistics over the successful runs: for each summarised result {@code k},
 * {@code k_mean}, {@code k_median}, {@code k_variance} (population), {@code k_min},
 * {@code k_max} as epyc, plus {@code k_stddev} (sample) and {@code k_ci95} (half-width of the
 * 95% confidence interval of the mean). The counts of underlying and successful runs go into
 * the metadata. A result that cannot be summarised (text, say) is left out with a warning.
 */
public class SummaryExperiment extends ExperimentCombinator {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SummaryExperiment.class);

    /** Metadata: the number of underlying runs. */
    public static final String UNDERLYING_RESULTS = "epyc.summaryexperiment.repetitions";
    /** Metadata: the number of underlying runs that succeeded. */
    public static final String UNDERLYING_SUCCESSFUL_RESULTS = "epyc.summaryexperiment.successful_repetitions";
    /** Suffix of the mean. */
    public static final String MEAN_SUFFIX = "_mean";
    /** Suffix of the median. */
    public static final String MEDIAN_SUFFIX = "_median";
    /** Suffix of the population variance. */
    public static final String VARIANCE_SUFFIX = "_variance";
    /** Suffix of the minimum. */
    public static final String MIN_SUFFIX = "_min";
    /** Suffix of the maximum. */
    public static final String MAX_SUFFIX = "_max";
    /** Suffix of the sample standard deviation. */
    public static final String STDDEV_SUFFIX = "_stddev";
    /** Suffix of the 95% confidence-interval half-width. */
    public static final String CI95_SUFFIX = "_ci95";

    private final List<String> summarised;

    /** @param e the experiment to summarise; every numeric result is summarised */
    public SummaryExperiment(Experiment e) {
        super(e);
        this.summarised = null;
    }

    /**
     * @param e          the experiment to summarise
     * @param summarised the result names to summarise; names the results lack are skipped
     */
    public SummaryExperiment(Experiment e, Collection<String> summarised) {
        super(e);
        this.summarised = List.copyOf(summarised);
    }

    @Override
    protected Map<String, ?> perform(Map<String, Object> parameters) {
        List<ResultsDict> all = experiment().run().flatten();
        List<ResultsDict> successful = new ArrayList<>();
        for (ResultsDict r : all) {
            if (r.success()) {
                successful.add(r);
            }
        }
        metadata().put(UNDERLYING_RESULTS, (long) all.size());
        metadata().put(UNDERLYING_SUCCESSFUL_RESULTS, (long) successful.size());
        return summarise(successful);
    }

    /**
     * Summarises the successful runs; override for other statistics.
     *
     * @param successful the successful underlying runs
     * @return the summary results
     */
    protected Map<String, Object> summarise(List<ResultsDict> successful) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (successful.isEmpty()) {
            return out;
        }
        List<String> keys = new ArrayList<>(successful.get(0).results().keySet());
        if (summarised != null) {
            keys.retainAll(summarised);
        }
        for (String k : keys) {
            List<Object> values = new ArrayList<>(successful.size());
            for (ResultsDict r : successful) {
                if (!r.results().containsKey(k)) {
                    throw new IllegalStateException("Result " + k + " is missing from an underlying run: " + r);
                }
                values.add(r.results().get(k));
            }
            try {
                Summary s = Summary.of(values);
                out.put(k + MEAN_SUFFIX, s.mean());
                out.put(k + MEDIAN_SUFFIX, s.median());
                out.put(k + VARIANCE_SUFFIX, s.variance());
                out.put(k + MIN_SUFFIX, s.min());
                out.put(k + MAX_SUFFIX, s.max());
                out.put(k + STDDEV_SUFFIX, s.stddev());
                out.put(k + CI95_SUFFIX, s.ci95());
            } catch (IllegalArgumentException e) {
                LOG.warn("Failed to summarise {}: {}", k, e.getMessage());
            }
        }
        return out;
    }
}
