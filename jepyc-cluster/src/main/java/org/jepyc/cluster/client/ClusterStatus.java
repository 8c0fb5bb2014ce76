package org.jepyc.cluster.client;

import java.util.List;

/**
 * A snapshot of a cluster's work.
 *
 * @param members         the members, as {@code host:port (n threads, pid p)}
 * @param engines         experiments the cluster runs at once
 * @param queuedBatches   batches waiting for a worker
 * @param queuedPoints    their points
 * @param runningBatches  batches being run
 * @param runningPoints   their points
 * @param finishedBatches batches finished and not yet collected by a client
 */
public record ClusterStatus(List<String> members, int engines, int queuedBatches, long queuedPoints,
                            int runningBatches, long runningPoints, int finishedBatches) { }
