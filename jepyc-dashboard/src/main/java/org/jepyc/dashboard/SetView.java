package org.jepyc.dashboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dflib.DataFrame;
import org.dflib.Series;
import org.jepyc.Experiment;
import org.jepyc.ResultSet;
import org.jepyc.campaign.Provenance;

/**
 * What the page shows of one result set, taken from a notebook as it was committed: its summary,
 * its campaign's progress and its rows, kept in memory until the file changes.
 *
 * @param tag         the set's tag
 * @param description its description
 * @param current     true if it is its notebook's current set
 * @param locked      true if it is finished (a notebook opened read-only reports every set as locked:
 *                    only a finished one is shown so)
 * @param failures    rows whose status is false
 * @param pending     pending jobs
 * @param attributes  attributes other than provenance, JSON-safe
 * @param provenance  the {@code jepyc.provenance.*} attributes, JSON-safe
 * @param parameters  parameter names
 * @param distinct    how many values each parameter takes (counted up to {@link #MANY}): the page
 *                    plots against one that varies, grouped by one with few values
 * @param results     result names
 * @param metadata    metadata names
 * @param progress    the campaign's progress
 * @param rows        the rows, with their sort and filter caches
 */
record SetView(String tag, String description, boolean current, boolean locked, int failures, int pending,
               Map<String, Object> attributes, Map<String, Object> provenance,
               List<String> parameters, Map<String, Integer> distinct, List<String> results, List<String> metadata,
               CampaignProgress progress, TableRows rows, Plots plots) {
    /** Distinct values are counted up to this many. */
    static final int MANY = 1000;

    /**
     * @param tag     the set's tag
     * @param rs      the set, from a notebook opened read-only
     * @param current true if it is the current set
     * @return its view, detached from the notebook
     */
    static SetView of(String tag, ResultSet rs, boolean current) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        Map<String, Object> provenance = new LinkedHashMap<>();
        for (String k : rs.attributeNames()) {
            (k.startsWith(Provenance.PREFIX) ? provenance : attributes).put(k, Cells.json(rs.getAttribute(k)));
        }
        DataFrame df = rs.dataframe(false);
        int failures = 0;
        if (df.getColumnsIndex().contains(Experiment.STATUS)) {
            Series<?> status = df.getColumn(Experiment.STATUS);
            for (int i = 0; i < df.height(); i++) {
                if (!Boolean.TRUE.equals(status.get(i))) {
                    failures++;
                }
            }
        }
        List<String> columns = new ArrayList<>(rs.parameterNames());
        columns.addAll(rs.resultNames());
        columns.addAll(rs.metadataNames());
        columns.removeIf(c -> !df.getColumnsIndex().contains(c));
        return new SetView(tag, rs.description(), current, rs.isFinished(),
                failures, rs.numberOfPendingResults(),
                Collections.unmodifiableMap(attributes), Collections.unmodifiableMap(provenance),
                List.copyOf(rs.parameterNames()), distinct(df, rs.parameterNames()),
                List.copyOf(rs.resultNames()), List.copyOf(rs.metadataNames()),
                CampaignProgress.of(rs, df), new TableRows(df, columns), new Plots(df));
    }

    private static Map<String, Integer> distinct(DataFrame df, List<String> names) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String name : names) {
            if (df.getColumnsIndex().contains(name)) {
                Set<Object> seen = new HashSet<>();
                Series<?> s = df.getColumn(name);
                for (int i = 0; i < s.size() && seen.size() < MANY; i++) {
                    seen.add(s.get(i));
                }
                out.put(name, seen.size());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** @return how many rows the set holds */
    int size() {
        return rows.size();
    }
}
