package org.jepyc;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jepyc.resultset.ResultRow;

/**
 * epyc's results dict: the point in parameter space ({@link #parameters()}), how the run went
 * ({@link #metadata()}) and what it computed ({@link #results()}). A run that produced several
 * results (a {@link RepeatedExperiment}, or an experiment overriding
 * {@link Experiment#performSeveral}) carries them in {@link #nested()}; a notebook stores the
 * nested dicts and drops the outer one. Immutable: the maps are unmodifiable copies.
 */
// A result table takes rows through ResultRow, which is not exported: users cannot name it, and
// implementing it spares a wrapper per row appended.
@SuppressWarnings("exports")
public final class ResultsDict implements Serializable, ResultRow {
    private static final long serialVersionUID = 1L;

    private final Map<String, Object> parameters;
    private final Map<String, Object> metadata;
    private final Map<String, Object> results;
    private final List<ResultsDict> nested;

    /**
     * @param parameters the point (copied)
     * @param metadata   the run's metadata (copied)
     * @param results    the results (copied); null is taken as none
     */
    public ResultsDict(Map<String, ?> parameters, Map<String, ?> metadata, Map<String, ?> results) {
        this(parameters, metadata, results, List.of());
    }

    private ResultsDict(Map<String, ?> parameters, Map<String, ?> metadata, Map<String, ?> results,
                        List<ResultsDict> nested) {
        this.parameters = copy(parameters);
        this.metadata = copy(metadata);
        this.results = copy(results);
        this.nested = nested;
    }

    /**
     * A results dict holding several runs, as a repeated experiment returns.
     *
     * @param parameters the outer point
     * @param metadata   the outer run's metadata
     * @param nested     the runs, each a complete results dict
     * @return the combined results dict
     */
    public static ResultsDict of(Map<String, ?> parameters, Map<String, ?> metadata, List<ResultsDict> nested) {
        for (ResultsDict n : nested) {
            Objects.requireNonNull(n, "a nested results dict is null");
        }
        return new ResultsDict(parameters, metadata, Map.of(), List.copyOf(nested));
    }

    private static Map<String, Object> copy(Map<String, ?> m) {
        return FrozenMap.copyOf(m);
    }

    /** @return the point in parameter space */
    public Map<String, Object> parameters() { return parameters; }

    /** @return the run's metadata */
    public Map<String, Object> metadata() { return metadata; }

    /**
     * @return what the experiment returned; kept if only tearDown failed, empty if setUp or
     *         perform failed. A notebook stores no results for a failed row.
     */
    public Map<String, Object> results() { return results; }

    /** @return the runs this dict holds, empty for a single run */
    public List<ResultsDict> nested() { return nested; }

    /** @return true if the metadata's status is true */
    public boolean success() { return Boolean.TRUE.equals(metadata.get(Experiment.STATUS)); }

    /**
     * @param key   a metadata name
     * @param value its value
     * @return a copy with that metadata entry set
     */
    public ResultsDict withMetadata(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(metadata);
        m.put(key, value);
        return new ResultsDict(parameters, m, results, nested);
    }

    /**
     * Fills in what a nested results dict lacks from the run that returned it (epyc leaves them
     * empty, so such dicts could not be stored): missing parameters, and missing metadata such as the status.
     *
     * @param outerParameters the outer run's parameters
     * @param outerMetadata   the outer run's metadata
     * @return a completed copy, or this if nothing was missing
     */
    ResultsDict completedFrom(Map<String, Object> outerParameters, Map<String, Object> outerMetadata) {
        if (parameters.keySet().containsAll(outerParameters.keySet())
                && metadata.containsKey(Experiment.STATUS)) {
            return this;
        }
        Map<String, Object> p = new LinkedHashMap<>(outerParameters);
        p.putAll(parameters);
        Map<String, Object> m = new LinkedHashMap<>(outerMetadata);
        m.putAll(metadata);
        return new ResultsDict(p, m, results, nested);
    }

    /**
     * @return this dict's single runs: itself if it holds no nested runs, otherwise the nested
     *         runs flattened to any depth (epyc unwraps one level only, so a repeat of a repeat could not be stored)
     */
    public List<ResultsDict> flatten() {
        if (nested.isEmpty()) {
            return List.of(this);
        }
        List<ResultsDict> out = new ArrayList<>();
        for (ResultsDict n : nested) {
            out.addAll(n.flatten());
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResultsDict r && parameters.equals(r.parameters) && metadata.equals(r.metadata)
                && results.equals(r.results) && nested.equals(r.nested);
    }

    @Override
    public int hashCode() { return Objects.hash(parameters, metadata, results, nested); }

    @Override
    public String toString() {
        return "{parameters=" + parameters + ", metadata=" + metadata + ", results="
                + (nested.isEmpty() ? results : nested) + "}";
    }
}
