package org.jepyc.cluster.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a batch of points carries: the name of the code bundle its experiments need (if any),
 * the distinct experiments, each serialised on its own, and for each point its parameters and
 * the experiment to run it with. The payload itself holds only JDK classes, so a worker reads it
 * before it knows the code; it then loads the bundle, deserialises each experiment once with
 * the bundle's classes, and runs the points one after another with it, as a thread of
 * {@code ParallelLab} does. Keeping the experiments as bytes also lets a process resubmit them
 * from a notebook without loading their classes.
 */
public final class TaskPayload implements Serializable {
    private static final long serialVersionUID = 2L;
    private final String bundle;
    private final ArrayList<byte[]> experiments;
    private final int[] experimentOf;
    private final ArrayList<LinkedHashMap<String, Object>> points;

    /**
     * @param bundle       the code bundle's name, or null when the workers have every class
     * @param experiments  the distinct experiments, serialised
     * @param experimentOf for each point, its experiment's index
     * @param points       the points' parameters
     */
    public TaskPayload(String bundle, List<byte[]> experiments, int[] experimentOf, List<? extends Map<String, Object>> points) {
        if (experimentOf.length != points.size()) {
            throw new IllegalArgumentException("One experiment index per point");
        }
        this.bundle = bundle;
        this.experiments = new ArrayList<>(experiments);
        this.experimentOf = experimentOf.clone();
        this.points = new ArrayList<>(points.size());
        for (Map<String, Object> p : points) {
            this.points.add(new LinkedHashMap<>(p));
        }
    }

    /** @return the name of the code bundle the experiments need, if they need one */
    public Optional<String> bundle() { return Optional.ofNullable(bundle); }

    /** @return the number of points */
    public int size() { return points.size(); }

    /** @return the number of distinct experiments */
    public int experiments() { return experiments.size(); }

    /** @param k a distinct experiment's index @return its serialised form */
    public byte[] experimentBytes(int k) { return experiments.get(k).clone(); }

    /** @param i a point @return the index of its experiment */
    public int experimentOf(int i) { return experimentOf[i]; }

    /** @param i a point @return its parameters */
    public Map<String, Object> point(int i) { return points.get(i); }
}
