package org.jepyc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The cross product of every range, epyc's default: one point per combination, in a
 * random order each time (so partial results of a cluster run are a random sample). Empty
 * ranges are dropped, as epyc drops them; with no non-empty range there are no points.
 */
public class FactorialDesign implements Design {
    private static final long serialVersionUID = 1L;
    private final Long seed;

    /** A design that shuffles its points differently each time. */
    public FactorialDesign() {
        this.seed = null;
    }

    /** @param seed shuffles the points the same way every time (reproducible order) */
    public FactorialDesign(long seed) {
        this.seed = seed;
    }

    @Override
    public List<ExperimentalConfiguration> experiments(Experiment e, Map<String, List<Object>> space) {
        List<String> names = new ArrayList<>();
        List<List<Object>> ranges = new ArrayList<>();
        for (Map.Entry<String, List<Object>> r : space.entrySet()) {
            if (!r.getValue().isEmpty()) {
                refuseContinuous(r.getKey(), r.getValue());
                names.add(r.getKey());
                ranges.add(r.getValue());
            }
        }
        int n = size(space);
        List<ExperimentalConfiguration> out = new ArrayList<>(n);
        if (names.isEmpty()) {
            return out;
        }
        int k = names.size();
        int[] index = new int[k];
        for (int p = 0; p < n; p++) {
            // a point is an unmodifiable map in the order the parameters were set, one array per point
            Object[] point = new Object[2 * k];
            for (int j = 0; j < k; j++) {
                point[2 * j] = names.get(j);
                point[2 * j + 1] = ranges.get(j).get(index[j]);
            }
            out.add(new ExperimentalConfiguration(e, FrozenMap.ofEntries(point)));
            for (int j = k - 1; j >= 0 && ++index[j] == ranges.get(j).size(); j--) {
                index[j] = 0;
            }
        }
        Collections.shuffle(out, seed == null ? new Random() : new Random(seed));
        return out;
    }

    @Override
    public int size(Map<String, List<Object>> space) {
        long n = 1;
        boolean any = false;
        for (List<Object> r : space.values()) {
            if (!r.isEmpty()) {
                any = true;
                n *= r.size();
                if (n > Integer.MAX_VALUE - 8) {
                    throw new DesignException("the factorial design has more than " + Integer.MAX_VALUE
                            + " points: " + describe(space));
                }
            }
        }
        return any ? (int) n : 0;
    }

    /**
     * @param name  a parameter
     * @param range its values
     * @throws DesignException if the range is a continuous {@link Range}, which a grid cannot enumerate
     */
    static void refuseContinuous(String name, List<Object> range) {
        if (range.size() == 1 && range.get(0) instanceof Range r) {
            throw new DesignException("parameter " + name + " is a continuous " + r
                    + ": use a sampling design (LatinHypercubeDesign, SobolDesign, RandomDesign) or give a list of values");
        }
    }

    static String describe(Map<String, List<Object>> space) {
        StringBuilder b = new StringBuilder();
        space.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(" has ")
                .append(v.size()).append(" values"));
        return b.toString();
    }
}
