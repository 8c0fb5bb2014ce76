package org.jepyc.cluster.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Optional;
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
import org.jepyc.cluster.admin.ClusterUnavailableException;
import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.admin.JepycHome;
import org.jepyc.cluster.protocol.HazelcastConfigs;
import org.jepyc.cluster.protocol.Names;
import org.jepyc.cluster.protocol.CodeManifest;
import org.jepyc.cluster.protocol.ResultEnvelope;
import org.jepyc.cluster.protocol.Signer;
import org.jepyc.cluster.protocol.TaskState;
import org.jepyc.cluster.protocol.WorkerStats;
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
    private static final int READ_ATTEMPTS = 5;
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
        requireListening(cf, timeout, reconnections);
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
        // the exception says it all; an ERROR line besides would only repeat it on a terminal
        LOG.debug("Too many connection failures ({})", reconnections);
        throw new ClusterUnavailableException("Cannot reach the " + cf.describe() + " after " + attempts
                + " attempts of " + timeout.toMillis() + " ms: " + (last == null ? "" : last.getMessage())
                + ". Is it running (`jepyc cluster status" + profileOption(cf) + "`), and is this its current connection file "
                + "(a cluster restarted by `jepyc cluster start` has a new secret)?", last);
    }

    /**
     * Fails at once when no member address accepts a connection (a stopped cluster), rather than
     * after every Hazelcast connection attempt has timed out: a refused connection is an answer.
     * Tries a few times over about a second, since a member may be restarting.
     */
    private static void requireListening(ConnectionFile cf, Duration timeout, int reconnections) {
        int perAddress = (int) Math.max(200, Math.min(1000, timeout.toMillis()));
        for (int round = 0; round <= Math.min(reconnections, 3); round++) {
            for (String a : cf.addresses()) {
                int colon = a.lastIndexOf(':');
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(a.substring(0, colon), Integer.parseInt(a.substring(colon + 1))), perAddress);
                    return;
                } catch (IOException | RuntimeException e) {
                    LOG.debug("No member at {}: {}", a, e.toString());
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new ClusterUnavailableException("No worker of the " + cf.describe() + " answers: the cluster is stopped. "
                + "Start it with `jepyc cluster start" + profileOption(cf) + " -n N`", null);
    }

    private static String profileOption(ConnectionFile cf) {
        return cf.profile().filter(p -> !p.equals(JepycHome.DEFAULT_PROFILE)).map(p -> " --profile " + p).orElse("");
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
     * Stores a code bundle under its name, before the tasks that reference it are queued. The
     * bundle is written even if one is stored under that name already: a forgery put there by
     * someone without the secret is replaced, never trusted.
     *
     * @param name   the bundle's SHA-256
     * @param sealed its signed bytes
     */
    public void storeBundle(String name, byte[] sealed) {
        hz.<String, byte[]>getMap(Names.BUNDLES).set(name, sealed);
    }

    /**
     * @param batchIds batches
     * @return the stored results of those that have finished
     */
    public Map<String, byte[]> results(Collection<String> batchIds) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (List<String> chunk : chunks(batchIds)) {
            out.putAll(reading(() -> results.getAll(new HashSet<>(chunk))));
        }
        return out;
    }

    /**
     * Runs a read of the cluster's maps, again when a member left while it was under way (its
     * partitions move to the members left, and the read then finds them there). Reads only: a
     * write tried twice could be applied twice.
     */
    private static <T> T reading(java.util.function.Supplier<T> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (com.hazelcast.spi.exception.TargetDisconnectedException
                     | com.hazelcast.spi.exception.RetryableHazelcastException e) {
                if (attempt == READ_ATTEMPTS) {
                    throw e;
                }
                LOG.debug("A member left during a read ({}): reading again", e.toString());
                try {
                    Thread.sleep(200L * attempt);       // time for the partitions to move
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * @param batchIds batches
     * @return those the cluster is still running or has queued
     */
    public Set<String> inFlight(Collection<String> batchIds) {
        Set<String> out = new HashSet<>();
        for (List<String> chunk : chunks(batchIds)) {
            out.addAll(reading(() -> state.getAll(new HashSet<>(chunk))).keySet());
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

    /** @return the cluster's members */
    public List<ClusterStatus.Member> members() {
        IMap<String, String> workers = hz.getMap(Names.WORKERS);
        List<ClusterStatus.Member> out = new ArrayList<>();
        for (Member m : hz.getCluster().getMembers()) {
            WorkerStats w = WorkerStats.tryParse(workers.get(m.getUuid().toString())).orElse(new WorkerStats(0, 0));
            out.add(new ClusterStatus.Member(m.getAddress().getHost(), m.getAddress().getPort(),
                    number(m.getAttribute(Names.PID_ATTRIBUTE), -1), (int) number(m.getAttribute(Names.THREADS_ATTRIBUTE), 0),
                    w.batches(), w.points()));
        }
        return out;
    }

    private static long number(String s, long otherwise) {
        try {
            return s == null ? otherwise : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /**
     * A snapshot of the cluster's members and work. Entries that are not jepyc's (anyone with the
     * cluster's name can write its maps) are counted as unreadable and otherwise skipped, so they
     * never stop a status or a stop.
     *
     * @param signer the cluster's key, to tell its results from forgeries
     * @return the snapshot
     */
    public ClusterStatus status(Signer signer) {
        int qb = 0;
        int rb = 0;
        long qp = 0;
        long rp = 0;
        int unreadable = 0;
        for (Map.Entry<String, String> e : state.entrySet()) {
            Optional<TaskState> s = TaskState.tryParse(e.getValue());
            if (s.isEmpty()) {
                unreadable++;
                LOG.warn("Skipped batch {}: its state is not one jepyc writes", e.getKey());
            } else if (s.get().running()) {
                rb++;
                rp += s.get().points();
            } else {
                qb++;
                qp += s.get().points();
            }
        }
        int finished = 0;
        int failedBatches = 0;
        long ok = 0;
        long failed = 0;
        Set<String> failures = new LinkedHashSet<>();
        for (Map.Entry<String, byte[]> e : results.entrySet()) {
            ResultEnvelope r;
            try {
                r = ResultEnvelope.open(e.getKey(), e.getValue(), signer);
            } catch (SecurityException ex) {
                unreadable++;
                LOG.warn("Skipped a result: {}", ex.getMessage());
                continue;
            }
            finished++;
            int points = Math.max(0, r.points());
            failed += Math.min(points, Math.max(0, r.failed()));
            ok += Math.max(0, points - r.failed());
            if (!r.ok()) {
                failedBatches++;
                failures.add(r.message());
            }
        }
        return new ClusterStatus(members(), engines(), qb, qp, rb, rp, finished, ok, failed, failedBatches,
                new ArrayList<>(failures), unreadable);
    }

    /**
     * @return each live worker's experiment code, by {@code host:port}; a worker that has not
     *         published one (or a malformed one) is left out
     */
    public Map<String, CodeManifest> codeManifests() {
        IMap<String, String> code = hz.getMap(Names.CODE);
        Map<String, CodeManifest> out = new LinkedHashMap<>();
        for (Member m : hz.getCluster().getMembers()) {
            CodeManifest.parse(code.get(m.getUuid().toString())).ifPresent(c ->
                    out.put(m.getAddress().getHost() + ":" + m.getAddress().getPort(), c));
        }
        return out;
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
