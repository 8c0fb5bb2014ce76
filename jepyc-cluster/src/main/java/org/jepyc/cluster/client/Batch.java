package org.jepyc.cluster.client;

import java.util.List;
import java.util.Map;

/**
 * A batch ready to submit.
 *
 * @param id       its id
 * @param envelope its signed task
 * @param points   its points' parameters, in order (job i is {@code id/i})
 */
public record Batch(String id, byte[] envelope, List<Map<String, Object>> points) { }
