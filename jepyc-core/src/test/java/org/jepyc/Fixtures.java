package org.jepyc;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dflib.DataFrame;
import org.dflib.Series;

/** Shared experiments, results dicts and data-frame helpers for the ported epyc tests. */
final class Fixtures {

    private Fixtures() { }

    /** The ten standard metadata names epyc records for every run, sorted. */
    static final List<String> STANDARD_METADATA = List.of(
            Experiment.EXCEPTION, Experiment.EXPERIMENT, Experiment.ELAPSED_TIME, Experiment.END_TIME,
            Experiment.EXPERIMENT_TIME, Experiment.SETUP_TIME, Experiment.START_TIME, Experiment.STATUS,
            Experiment.TEARDOWN_TIME, Experiment.TRACEBACK).stream().sorted().toList();

    /**
     * @param kv name, value, name, value...
     * @return an ordered mutable map (values may be any type, unlike Map.of's order)
     */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** @return a successful results dict with the usual metadata of a run */
    static ResultsDict success(Map<String, ?> parameters, Map<String, ?> results) {
        LocalDateTime now = LocalDateTime.of(2024, 5, 1, 12, 0, 0, 123_456_000);
        return new ResultsDict(parameters, map(
                Experiment.EXPERIMENT, "test.Handmade",
                Experiment.START_TIME, now,
                Experiment.END_TIME, now.plusNanos(1_000_000),
                Experiment.SETUP_TIME, 0.0001,
                Experiment.EXPERIMENT_TIME, 0.0008,
                Experiment.TEARDOWN_TIME, 0.0001,
                Experiment.ELAPSED_TIME, 0.001,
                Experiment.STATUS, true), results);
    }

    /** @return a failed results dict: status false and an exception, no results */
    static ResultsDict failure(Map<String, ?> parameters, String message) {
        return new ResultsDict(parameters, map(
                Experiment.STATUS, false,
                Experiment.EXCEPTION, new IllegalStateException(message),
                Experiment.TRACEBACK, "java.lang.IllegalStateException: " + message), null);
    }

    /** @return the data frame's column names, in order */
    static List<String> columnNames(DataFrame df) {
        return Arrays.asList(df.getColumnsIndex().toArray());
    }

    /** @return the values of one column of a data frame, in row order */
    static List<Object> column(DataFrame df, String name) {
        Series<Object> s = df.getColumn(name);
        List<Object> out = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            out.add(s.get(i));
        }
        return out;
    }

    /** @return longs from..to-1, as epyc's {@code range} gives them back */
    static List<Object> range(long from, long to) {
        List<Object> out = new ArrayList<>();
        for (long i = from; i < to; i++) {
            out.add(i);
        }
        return out;
    }

    /** The test suite's "Sum": total of its (numeric) parameters, integral if they all are. */
    static class Sum extends Experiment {
        private static final long serialVersionUID = 1L;

        @Override
        protected Map<String, ?> perform(Map<String, Object> parameters) {
            long l = 0;
            double d = 0;
            boolean integral = true;
            for (Object v : parameters.values()) {
                if (v instanceof Long || v instanceof Integer) {
                    l += ((Number) v).longValue();
                } else if (v instanceof Number n) {
                    d += n.doubleValue();
                    integral = false;
                }
            }
            return map("total", integral ? (Object) l : (Object) (l + d));
        }
    }

    /** Returns one parameter, {@code x}, as its result {@code result}. */
    static class Echo extends Experiment {
        private static final long serialVersionUID = 1L;

        @Override
        protected Map<String, ?> perform(Map<String, Object> parameters) {
            return map("result", parameters.get("x"));
        }
    }
}
