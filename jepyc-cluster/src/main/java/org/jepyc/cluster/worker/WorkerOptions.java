package org.jepyc.cluster.worker;

import java.nio.file.Path;
import java.util.List;

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
 */
public record WorkerOptions(ConnectionFile connection, String host, int port, int threads,
                            List<Path> classpath, List<String> allow) {
    /** Validates. */
    public WorkerOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("A worker needs at least one thread, got " + threads);
        }
        classpath = List.copyOf(classpath);
        allow = List.copyOf(allow);
    }
}
