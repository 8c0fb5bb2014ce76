package org.jepyc.cluster.head;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.protocol.HazelcastConfigs;
import org.jepyc.cluster.protocol.Names;
import org.jepyc.cluster.protocol.Signer;
import org.jepyc.cluster.worker.Reaper;
import org.jepyc.cluster.worker.ShutdownMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member that runs no tasks (zero threads) and keeps the cluster's data: started first on the
 * submitting host, it is the oldest member and so the one that re-queues the batches of workers
 * that left. Its workers join as lite members, which hold no data, so the end of any or all of
 * their batch jobs loses only the batches they were running, and those are run again. Stops on
 * {@link #close()} or on the signed shutdown message of {@code jepyc cluster stop}.
 */
public final class Head implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Head.class);
    private final ConnectionFile connection;
    private final String host;
    private final int port;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private HazelcastInstance hz;
    private ScheduledExecutorService reaping;

    /**
     * @param connection the cluster (the head's address is one of its addresses)
     * @param host       the interface to bind
     * @param port       the member port
     */
    public Head(ConnectionFile connection, String host, int port) {
        this.connection = connection;
        this.host = host;
        this.port = port;
    }

    /** @return this head, a member of its cluster */
    public Head start() {
        Signer signer = new Signer(connection.secret());
        hz = Hazelcast.newHazelcastInstance(HazelcastConfigs.member(connection, host, port,
                Map.of(Names.THREADS_ATTRIBUTE, "0", Names.PID_ATTRIBUTE, Long.toString(ProcessHandle.current().pid()),
                        Names.ROLE_ATTRIBUTE, Names.HEAD_ROLE)));
        Reaper reaper = new Reaper(hz, signer);
        reaping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jepyc-head-reaper");
            t.setDaemon(true);
            return t;
        });
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                LOG.info("Worker joined: {}", e.getMember().getAddress());
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                LOG.info("Worker left: {}", e.getMember().getAddress());
                reaping.schedule(() -> reap(reaper, true), 300, TimeUnit.MILLISECONDS);
            }
        });
        reaping.scheduleWithFixedDelay(() -> reap(reaper, false), 5, 5, TimeUnit.SECONDS);
        hz.<String>getTopic(Names.CONTROL).addMessageListener(m -> {
            if (ShutdownMessage.verify(m.getMessageObject(), signer)) {
                LOG.info("Shutdown requested through the cluster");
                new Thread(this::close, "jepyc-head-shutdown").start();
            }
        });
        hz.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                stopped.countDown();
            }
        });
        LOG.info("Head {} of cluster {} running", address(), hz.getConfig().getClusterName());
        return this;
    }

    private void reap(Reaper reaper, boolean queuedToo) {
        try {
            if (hz.getLifecycleService().isRunning() && reaper.isOldest()) {
                reaper.reap(queuedToo);
            }
        } catch (RuntimeException e) {
            LOG.warn("Re-queueing lost batches failed: {}", e.toString());
        }
    }

    /** @return the member, for the head's own helpers (resubmission) */
    public HazelcastInstance instance() {
        return hz;
    }

    /** @return true while the cluster holds queued or running batches */
    public boolean hasWork() {
        return !hz.getMap(Names.STATE).isEmpty();
    }

    /** @return the head's {@code host:port} */
    public String address() {
        var a = hz.getCluster().getLocalMember().getAddress();
        return a.getHost() + ":" + a.getPort();
    }

    /** Blocks until the head has stopped. @throws InterruptedException if interrupted */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Leaves the cluster; what it held is gone unless other data members hold copies. */
    @Override
    public void close() {
        if (reaping != null) {
            reaping.shutdownNow();
        }
        if (hz != null && hz.getLifecycleService().isRunning()) {
            hz.shutdown();
        }
        stopped.countDown();
    }
}
