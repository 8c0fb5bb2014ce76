package org.jepyc.cluster.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import org.jepyc.cluster.ClusterUnavailableException;
import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.protocol.HazelcastConfigs;
import org.jepyc.cluster.protocol.Names;
import org.jepyc.cluster.protocol.TaskState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Hazelcast client of a jepyc cluster: submits batches, fetches and discards results, asks
 * which batches the cluster still knows, and wakes a waiting caller when results arrive.
 * Operations are batched (putAll, getAll in chunks) so that 100,000 points cost a few hundred
 * calls.
 */
public final class JobClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobClient.class);
    private static final int CHUNK = 500;
    private final HazelcastInstance hz;
    private final IMap<String, byte[]> tasks;
    private final IMap<String, String> state;
    private final IMap<String, byte[]> results;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private long arrivals;

    private JobClient(HazelcastInstance hz) {
        this.hz = hz;
        this.tasks = hz.getMap(Names.TASKS);
        this.state = hz.getMap(Names.STATE);
        this.results = hz.getMap(Names.RESULTS);
        results.addEntryListener((EntryAddedListener<String, byte[]>) e -> signal(), false);
        results.addEntryListener((EntryUpdatedListener<String, byte[]>) e -> signal(), false);
    }

    /**
     * Connects, trying again up to {@code reconnections} more times.
     *
     * @param cf             the cluster
     * @param timeout        how long one attempt may take
     * @param reconnections  extra attempts (epyc's {@code Reconnections}, 5)
     * @return the client
     * @throws ClusterUnavailableException naming the connection file and addresses after the last failure
     */
    public static JobClient connect(ConnectionFile cf, Duration timeout, int reconnections) {
        RuntimeException last = null;
        int attempts = reconnections + 1;
        for (int i = 1; i <= attempts; i++) {
            try {
                return new JobClient(HazelcastClient.newHazelcastClient(HazelcastConfigs.client(cf, timeout)));
            } catch (RuntimeException e) {
                last = e;
                if (i < attempts) {
                    LOG.warn("Cannot connect to {}: {} ({}/{})", cf.describe(), e.getMessage(), i, reconnections);
                }
            }
        }
        LOG.error("Too many connection failures ({})", reconnections);
        throw new ClusterUnavailableException("Cannot reach the " + cf.describe() + " after " + attempts
                + " attempts of " + timeout.toMillis() + " ms: " + (last == null ? "" : last.getMessage())
                + ". Is it running (`jepyc cluster status`), and is this its current connection file "
                + "(a cluster restarted by `jepyc cluster start` has a new secret)?", last);
    }

    private void signal() {
        lock.lock();
        try {
            arrivals++;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return a counter of result arrivals seen, for {@link #awaitArrival} */
    public long arrivals() {
        lock.lock();
        try {
            return arrivals;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a result arrives after {@code seen}, or the time passes.
     *
     * @param seen    the value of {@link #arrivals()} already handled
     * @param timeout the longest wait
     * @throws InterruptedException if interrupted
     */
    public void awaitArrival(long seen, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (arrivals == seen && nanos > 0) {
                nanos = arrived.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Submits batches: tasks and states first, then their ids to the queue.
     *
     * @param batches   the batches
     * @param maxRetries how many times a batch is re-run after its worker died
     */
    public void submit(List<Batch> batches, int maxRetries) {
        Map<String, byte[]> t = new HashMap<>();
        Map<String, String> s = new HashMap<>();
        List<String> ids = new ArrayList<>(batches.size());
        for (Batch b : batches) {
            t.put(b.id(), b.envelope());
            s.put(b.id(), TaskState.queued(maxRetries, b.points().size()).format());
            ids.add(b.id());
        }
        CompletionStage<Void> a = tasks.putAllAsync(t);
        CompletionStage<Void> b = state.putAllAsync(s);
        a.toCompletableFuture().join();
        b.toCompletableFuture().join();
        if (!hz.<String>getQueue(Names.QUEUE).addAll(ids)) {
            throw new IllegalStateException("The cluster's queue refused " + ids.size() + " batches");
        }
    }

    /**
     * @param batchIds batches
     * @return the stored results of those that have finished
     */
    public Map<String, byte[]> results(Collection<String> batchIds) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (List<String> chunk : chunks(batchIds)) {
            out.putAll(results.getAll(new HashSet<>(chunk)));
        }
        return out;
    }

    /**
     * @param batchIds batches
     * @return those the cluster is still running or has queued
     */
    public Set<String> inFlight(Collection<String> batchIds) {
        Set<String> out = new HashSet<>();
        for (List<String> chunk : chunks(batchIds)) {
            out.addAll(state.getAll(new HashSet<>(chunk)).keySet());
        }
        return out;
    }

    /** @param batchIds collected batches whose results the cluster may forget */
    public void discard(Collection<String> batchIds) {
        List<CompletionStage<Boolean>> pending = new ArrayList<>();
        for (String id : batchIds) {
            pending.add(results.deleteAsync(id));
        }
        pending.forEach(p -> p.toCompletableFuture().join());
    }

    /** @return the number of experiments the cluster runs at once (its workers' threads) */
    public int engines() {
        int n = 0;
        for (Member m : hz.getCluster().getMembers()) {
            String t = m.getAttribute(Names.THREADS_ATTRIBUTE);
            n += t == null ? 0 : Integer.parseInt(t);
        }
        return n;
    }

    /** @return a snapshot of the cluster's members and work */
    public ClusterStatus status() {
        List<String> members = new ArrayList<>();
        for (Member m : hz.getCluster().getMembers()) {
            members.add(m.getAddress().getHost() + ":" + m.getAddress().getPort() + " ("
                    + m.getAttribute(Names.THREADS_ATTRIBUTE) + " threads, pid " + m.getAttribute(Names.PID_ATTRIBUTE) + ")");
        }
        int qb = 0;
        int rb = 0;
        long qp = 0;
        long rp = 0;
        for (String v : state.values()) {
            TaskState s = TaskState.parse(v);
            if (s.running()) {
                rb++;
                rp += s.points();
            } else {
                qb++;
                qp += s.points();
            }
        }
        return new ClusterStatus(members, engines(), qb, qp, rb, rp, results.size());
    }

    /** @return the members' process ids */
    public List<Long> memberPids() {
        List<Long> out = new ArrayList<>();
        for (Member m : hz.getCluster().getMembers()) {
            String p = m.getAttribute(Names.PID_ATTRIBUTE);
            if (p != null) {
                out.add(Long.parseLong(p));
            }
        }
        return out;
    }

    /** @param message a signed control message for every worker */
    public void publishControl(String message) {
        hz.<String>getTopic(Names.CONTROL).publish(message);
    }

    /** @return true while connected */
    public boolean isRunning() {
        return hz.getLifecycleService().isRunning();
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = new ArrayList<>(CHUNK);
        for (String id : ids) {
            cur.add(id);
            if (cur.size() == CHUNK) {
                out.add(cur);
                cur = new ArrayList<>(CHUNK);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    /** Disconnects. */
    @Override
    public void close() {
        try {
            hz.shutdown();
        } catch (RuntimeException e) {
            LOG.debug("Closing the cluster client: {}", e.toString());
        }
    }
}
