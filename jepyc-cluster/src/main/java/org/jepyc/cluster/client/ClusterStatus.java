package org.jepyc.cluster.client;

import java.util.List;

/**
 * A snapshot of a cluster's work.
 *
 * @param members         the workers
 * @param engines         experiments the cluster runs at once
 * @param queuedBatches   batches waiting for a worker
 * @param queuedPoints    their points
 * @param runningBatches  batches being run
 * @param runningPoints   their points
 * @param finishedBatches batches finished and not yet collected by a client, failed ones included
 * @param succeededPoints points of finished batches that succeeded
 * @param failedPoints    points of finished batches that failed (their experiment raised, or the whole batch failed)
 * @param failedBatches   finished batches that failed whole (their experiment could not be loaded, their workers died)
 * @param failures        the distinct reasons those batches failed
 * @param unreadable      entries of the cluster's maps that are not jepyc's (malformed, or not signed with its secret), skipped
 */
public record ClusterStatus(List<Member> members, int engines, int queuedBatches, long queuedPoints,
                            int runningBatches, long runningPoints, int finishedBatches, long succeededPoints,
                            long failedPoints, int failedBatches, List<String> failures, int unreadable) {
    /** Copies. */
    public ClusterStatus {
        members = List.copyOf(members);
        failures = List.copyOf(failures);
    }

    /**
     * One worker.
     *
     * @param host      the interface it listens on
     * @param port      its member port
     * @param pid       its process id (-1 if unknown)
     * @param threads   experiments it runs at once
     * @param tasksRun  batches it has run since it started
     * @param pointsRun points it has run since it started
     */
    public record Member(String host, int port, long pid, int threads, long tasksRun, long pointsRun) { }
}
