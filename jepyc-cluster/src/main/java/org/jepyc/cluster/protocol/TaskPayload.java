package org.jepyc.cluster.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jepyc.Experiment;

/**
 * What a batch of points carries: the distinct experiments, and for each point its parameters
 * and the experiment to run it with. The worker deserialises one copy and runs the points one
 * after another with it, as a thread of {@code ParallelLab} does.
 */
public final class TaskPayload implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ArrayList<Experiment> experiments;
    private final int[] experimentOf;
    private final ArrayList<LinkedHashMap<String, Object>> points;

    /**
     * @param experiments  the distinct experiments
     * @param experimentOf for each point, its experiment's index
     * @param points       the points' parameters
     */
    public TaskPayload(List<Experiment> experiments, int[] experimentOf, List<? extends Map<String, Object>> points) {
        if (experimentOf.length != points.size()) {
            throw new IllegalArgumentException("One experiment index per point");
        }
        this.experiments = new ArrayList<>(experiments);
        this.experimentOf = experimentOf.clone();
        this.points = new ArrayList<>(points.size());
        for (Map<String, Object> p : points) {
            this.points.add(new LinkedHashMap<>(p));
        }
    }

    /** @return the number of points */
    public int size() { return points.size(); }

    /** @param i a point @return its experiment */
    public Experiment experiment(int i) { return experiments.get(experimentOf[i]); }

    /** @param i a point @return its parameters */
    public Map<String, Object> point(int i) { return points.get(i); }
}
