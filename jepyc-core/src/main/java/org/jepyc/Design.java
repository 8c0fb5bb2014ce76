package org.jepyc;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Turns the lab's parameter ranges into the points to run. Implement it for designs of
 * your own; {@link FactorialDesign} and {@link PointwiseDesign} are epyc's two.
 */
public interface Design extends Serializable {

    /**
     * @param e     the experiment to pair with each point (may be null: then null is paired)
     * @param space parameter name to its range of values, in the order they were set
     * @return the points, each a fresh mutable map
     * @throws DesignException if the ranges cannot be combined
     */
    List<ExperimentalConfiguration> experiments(Experiment e, Map<String, List<Object>> space);

    /**
     * @param space parameter name to range
     * @return the number of points {@link #experiments} would give; override to avoid building them
     */
    default int size(Map<String, List<Object>> space) {
        return experiments(null, space).size();
    }
}
