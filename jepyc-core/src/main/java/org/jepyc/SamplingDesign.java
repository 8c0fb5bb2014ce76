package org.jepyc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A design that places a fixed number of points in the parameter space by sampling the unit
 * hypercube, one dimension per parameter: a {@link Range} maps the unit interval onto its
 * values; a list of values is cut into equal strata, one per value; a single value is a
 * constant. Subclasses say how the unit points are spread.
 */
public abstract class SamplingDesign implements Design {
    private static final long serialVersionUID = 1L;
    private final int points;

    /** @param points the number of points to place, at least 1 */
    protected SamplingDesign(int points) {
        if (points < 1) {
            throw new IllegalArgumentException("A sampling design needs at least one point, got " + points);
        }
        this.points = points;
    }

    /** @return the number of points */
    public int points() {
        return points;
    }

    /**
     * @param n    points
     * @param dims dimensions
     * @return n points of [0, 1)^dims, as {@code u[point][dimension]}
     */
    protected abstract double[][] unitPoints(int n, int dims);

    @Override
    public List<ExperimentalConfiguration> experiments(Experiment e, Map<String, List<Object>> space) {
        List<String> names = new ArrayList<>();
        List<List<Object>> ranges = new ArrayList<>();
        space.forEach((k, v) -> {
            if (!v.isEmpty()) {
                names.add(k);
                ranges.add(v);
            }
        });
        List<ExperimentalConfiguration> out = new ArrayList<>(size(space));
        if (names.isEmpty()) {
            return out;
        }
        double[][] u = unitPoints(points, names.size());
        for (double[] p : u) {
            Map<String, Object> point = new HashMap<>(names.size() * 2);
            for (int d = 0; d < p.length; d++) {
                point.put(names.get(d), valueAt(ranges.get(d), p[d]));
            }
            out.add(new ExperimentalConfiguration(e, point));
        }
        return out;
    }

    private static Object valueAt(List<Object> range, double u) {
        if (range.size() == 1) {
            return range.get(0) instanceof Range r ? r.at(u) : range.get(0);
        }
        return range.get(Math.min((int) (u * range.size()), range.size() - 1));
    }

    @Override
    public int size(Map<String, List<Object>> space) {
        return space.values().stream().anyMatch(r -> !r.isEmpty()) ? points : 0;
    }
}
