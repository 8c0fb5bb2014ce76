package org.jepyc.dashboard;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.client.ClusterStatus;
import org.jepyc.cluster.client.JobClient;
import org.jepyc.cluster.protocol.Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a running cluster: asks it for its status (workers, queued, running and finished work)
 * through one client kept connected, connecting again after a failure. Asking only reads the
 * cluster's maps, so the work it runs is not disturbed.
 */
final class ClusterWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterWatch.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final Path connectionFile;
    private volatile View view;
    private JobClient client;

    /**
     * What the page shows of the cluster.
     *
     * @param connectionFile the cluster's connection file
     * @param status         its latest status, or null if it was never reached
     * @param checkedAt      when the status was taken, or null
     * @param error          why the latest attempt failed, or null
     */
    record View(Path connectionFile, ClusterStatus status, Instant checkedAt, String error) { }

    /** @param connectionFile the cluster's connection file */
    ClusterWatch(Path connectionFile) {
        this.connectionFile = connectionFile;
        this.view = new View(connectionFile, null, null, "not reached yet");
    }

    /** @return the latest status */
    View view() {
        return view;
    }

    /** Takes the cluster's status; called from one thread only. */
    void poll() {
        try {
            ConnectionFile cf = ConnectionFile.read(connectionFile);
            if (client == null) {
                client = JobClient.connect(cf, CONNECT_TIMEOUT, 0);
            }
            // the status checks each result's signature, so it needs the cluster's secret
            view = new View(connectionFile, client.status(new Signer(cf.secret())), Instant.now(), null);
        } catch (RuntimeException e) {
            LOG.debug("Cluster status from {} failed", connectionFile, e);
            closeClient();
            view = new View(connectionFile, view.status(), view.checkedAt(), String.valueOf(e.getMessage()));
        }
    }

    private void closeClient() {
        if (client != null) {
            try {
                client.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the cluster client failed", e);
            }
            client = null;
        }
    }

    @Override
    public void close() {
        closeClient();
    }
}
