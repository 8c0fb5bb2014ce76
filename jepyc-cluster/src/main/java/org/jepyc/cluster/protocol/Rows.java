package org.jepyc.cluster.protocol;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jepyc.Experiment;
import org.jepyc.ResultsDict;
import org.jepyc.resultset.Values;

/** Results dicts made or cleaned by the cluster: failed rows, and rows made safe to send. */
public final class Rows {
    private Rows() { }

    /**
     * A failed row for a point that never ran (or whose run could not be sent back).
     *
     * @param parameters the point
     * @param message    why
     * @param traceback  details (may be empty)
     * @return the row
     */
    public static ResultsDict failed(Map<String, ?> parameters, String message, String traceback) {
        Map<String, Object> md = new LinkedHashMap<>();
        md.put(Experiment.STATUS, Boolean.FALSE);
        md.put(Experiment.END_TIME, LocalDateTime.now().truncatedTo(ChronoUnit.MICROS));
        md.put(Experiment.EXCEPTION, message);
        md.put(Experiment.TRACEBACK, traceback == null ? "" : traceback);
        return new ResultsDict(parameters, md, Map.of());
    }

    /**
     * Replaces values the client might not be able to load (exceptions of the experiment's own
     * classes) by what a notebook stores for them anyway (the message), recursively.
     *
     * @param r a row
     * @return the row, safe to send
     */
    public static ResultsDict portable(ResultsDict r) {
        if (!r.nested().isEmpty()) {
            List<ResultsDict> nested = new ArrayList<>(r.nested().size());
            r.nested().forEach(n -> nested.add(portable(n)));
            return ResultsDict.of(clean(r.parameters()), clean(r.metadata()), nested);
        }
        return new ResultsDict(clean(r.parameters()), clean(r.metadata()), clean(r.results()));
    }

    private static Map<String, Object> clean(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v instanceof Throwable t) {
                out.put(k, Values.message(t));
            } else {
                Object n = v == null ? null : Values.normaliseOrNull(v);
                out.put(k, n == null ? v : n);
            }
        });
        return out;
    }
}
