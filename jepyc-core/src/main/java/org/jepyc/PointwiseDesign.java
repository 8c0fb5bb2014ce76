package org.jepyc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The "zip" of the ranges: point i takes the i-th value of every range, in order.
 * Ranges of one value are stretched across the others; any other mismatch of lengths is a
 * {@link DesignException}.
 */
public class PointwiseDesign implements Design {
    private static final long serialVersionUID = 1L;

    /** The design; it has no settings. */
    public PointwiseDesign() {
    }

    @Override
    public List<ExperimentalConfiguration> experiments(Experiment e, Map<String, List<Object>> space) {
        int n = size(space);
        space.forEach(FactorialDesign::refuseContinuous);
        List<ExperimentalConfiguration> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> point = new HashMap<>();
            for (Map.Entry<String, List<Object>> r : space.entrySet()) {
                List<Object> values = r.getValue();
                point.put(r.getKey(), values.size() == 1 ? values.get(0) : values.get(i));
            }
            out.add(new ExperimentalConfiguration(e, point));
        }
        return out;
    }

    @Override
    public int size(Map<String, List<Object>> space) {
        TreeSet<Integer> lengths = new TreeSet<>();
        space.values().forEach(r -> lengths.add(r.size()));
        if (lengths.isEmpty()) {
            return 0;
        }
        if (lengths.size() == 1) {
            return lengths.first();
        }
        if (lengths.size() == 2 && lengths.contains(1)) {
            return lengths.first() == 1 ? lengths.last() : lengths.first();
        }
        throw new DesignException("range lengths don't match, not extending (" + FactorialDesign.describe(space)
                + "); give every parameter the same number of values, or a single value");
    }
}
