package org.jepyc.cluster;

import java.time.Duration;
import java.util.List;

/**
 * Tuning of a {@link ClusterLab} (epyc's class attributes {@code WaitingTime},
 * {@code Reconnections}, {@code Retries}, plus jepyc's own).
 *
 * @param waitingTime    longest sleep between polls in {@link ClusterLab#waitFor} (epyc: 30 s); a
 *                       result arriving wakes the wait earlier
 * @param reconnections  extra connection attempts before giving up (epyc: 5)
 * @param connectTimeout how long one connection attempt may take
 * @param retries        how many times a batch is run again after its worker died (epyc: 3)
 * @param batchSize      points per task; 0 chooses (about 8 tasks per engine, at most 256 points)
 * @param allow          packages, beyond java.* and org.jepyc.*, that results may contain
 */
public record ClusterOptions(Duration waitingTime, int reconnections, Duration connectTimeout, int retries,
                             int batchSize, List<String> allow) {
    /** Validates. */
    public ClusterOptions {
        if (waitingTime.isNegative() || waitingTime.isZero()) {
            throw new IllegalArgumentException("The waiting time must be positive");
        }
        if (reconnections < 0 || retries < 0 || batchSize < 0) {
            throw new IllegalArgumentException("Reconnections, retries and batch size cannot be negative");
        }
        allow = List.copyOf(allow);
    }

    /** @return epyc's defaults: 30 s, 5 reconnections, 3 retries; 5 s per connection attempt; automatic batches */
    public static ClusterOptions defaults() {
        return new ClusterOptions(Duration.ofSeconds(30), 5, Duration.ofSeconds(5), 3, 0, List.of());
    }

    /** @param d the polling interval @return a copy with it */
    public ClusterOptions withWaitingTime(Duration d) {
        return new ClusterOptions(d, reconnections, connectTimeout, retries, batchSize, allow);
    }

    /** @param n extra connection attempts @return a copy with it */
    public ClusterOptions withReconnections(int n) {
        return new ClusterOptions(waitingTime, n, connectTimeout, retries, batchSize, allow);
    }

    /** @param d time per connection attempt @return a copy with it */
    public ClusterOptions withConnectTimeout(Duration d) {
        return new ClusterOptions(waitingTime, reconnections, d, retries, batchSize, allow);
    }

    /** @param n re-runs after a worker died @return a copy with it */
    public ClusterOptions withRetries(int n) {
        return new ClusterOptions(waitingTime, reconnections, connectTimeout, n, batchSize, allow);
    }

    /** @param n points per task (0: automatic) @return a copy with it */
    public ClusterOptions withBatchSize(int n) {
        return new ClusterOptions(waitingTime, reconnections, connectTimeout, retries, n, allow);
    }

    /** @param packages packages results may contain @return a copy with them */
    public ClusterOptions withAllow(List<String> packages) {
        return new ClusterOptions(waitingTime, reconnections, connectTimeout, retries, batchSize, packages);
    }
}
