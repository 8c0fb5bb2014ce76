package org.jepyc.cluster.slurm;

import java.time.Duration;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import org.jepyc.cluster.admin.ClusterUnavailableException;
import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.protocol.HazelcastConfigs;
import org.jepyc.cluster.protocol.Names;

/** The head's count of SLURM workers to keep alive, read and changed from a client. */
public final class SlurmWorkers {
    private SlurmWorkers() { }

    /**
     * Raises the number of workers the head keeps alive by k, if it keeps any (started with
     * {@code --resubmit}); otherwise changes nothing.
     *
     * @param cf      the cluster
     * @param k       workers added
     * @param timeout how long connecting may take
     * @return the new number (0 when the head does not resubmit)
     * @throws ClusterUnavailableException if the head does not answer
     */
    public static int addToTarget(ConnectionFile cf, int k, Duration timeout) {
        HazelcastInstance c = connect(cf, timeout);
        try {
            IMap<String, Integer> m = c.getMap(Names.SLURM);
            Integer now = m.get(HeadMain.TARGET);
            if (now == null || now < 1) {
                return 0;
            }
            Integer next = m.merge(HeadMain.TARGET, k, Integer::sum);
            return next == null ? 0 : next;
        } finally {
            c.shutdown();
        }
    }

    /**
     * @param cf      the cluster
     * @param timeout how long connecting may take
     * @return how many workers the head keeps alive (0: it does not resubmit)
     * @throws ClusterUnavailableException if the head does not answer
     */
    public static int target(ConnectionFile cf, Duration timeout) {
        HazelcastInstance c = connect(cf, timeout);
        try {
            Integer t = c.<String, Integer>getMap(Names.SLURM).get(HeadMain.TARGET);
            return t == null ? 0 : t;
        } finally {
            c.shutdown();
        }
    }

    private static HazelcastInstance connect(ConnectionFile cf, Duration timeout) {
        try {
            return HazelcastClient.newHazelcastClient(HazelcastConfigs.client(cf, timeout));
        } catch (RuntimeException e) {
            throw new ClusterUnavailableException("Cannot reach the " + cf.describe() + ": " + e.getMessage(), e);
        }
    }
}
