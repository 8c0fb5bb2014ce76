package org.jepyc;

import java.util.Map;

/**
 * One point a design produced, with the experiment to run there.
 *
 * @param experiment the experiment (null when a design is only counting points)
 * @param parameters the point: a fresh, mutable map of name to one value
 */
public record ExperimentalConfiguration(Experiment experiment, Map<String, Object> parameters) {
}
