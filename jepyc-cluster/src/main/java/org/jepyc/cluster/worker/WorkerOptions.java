package org.jepyc.cluster.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jepyc.cluster.admin.ConnectionFile;

/**
 * How to start a worker.
 *
 * @param connection the cluster to join
 * @param host       the interface to bind (127.0.0.1 by default)
 * @param port       the member port (0: the first free one)
 * @param threads    experiments run at once on this worker
 * @param classpath  jars and directories holding experiment classes; their packages are allowed
 * @param allow      further packages whose classes tasks may contain
 * @param lite       true for a member that holds none of the cluster's data (a batch-job worker:
 *                   its end loses nothing but the tasks it was running, which are run again)
 * @param endTime    when this worker's batch job ends (null: never); it takes no task it cannot
 *                   finish by then, and leaves when nothing more fits
 * @param margin     time kept free before {@code endTime} for handing work back and leaving
 */
public record WorkerOptions(ConnectionFile connection, String host, int port, int threads,
                            List<Path> classpath, List<String> allow, boolean lite, Instant endTime,
                            Duration margin) {
    /** Validates. */
    public WorkerOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("A worker needs at least one thread, got " + threads);
        }
        if (margin == null || margin.isNegative()) {
            throw new IllegalArgumentException("The end-of-job margin must be zero or positive, got " + margin);
        }
        classpath = List.copyOf(classpath);
        allow = List.copyOf(allow);
    }

    /**
     * A data-holding worker without an end time (a worker of {@code jepyc cluster start}).
     *
     * @param connection the cluster to join
     * @param host       the interface to bind
     * @param port       the member port
     * @param threads    experiments run at once
     * @param classpath  experiment jars and directories
     * @param allow      further allowed packages
     */
    public WorkerOptions(ConnectionFile connection, String host, int port, int threads,
                         List<Path> classpath, List<String> allow) {
        this(connection, host, port, threads, classpath, allow, false, null, Duration.ZERO);
    }

    /** @return when the worker's batch job ends, if it does */
    public Optional<Instant> end() {
        return Optional.ofNullable(endTime);
    }
}
