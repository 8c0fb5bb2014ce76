package org.jepyc.cluster.worker;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.collection.IQueue;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import org.jepyc.cluster.protocol.AllowList;
import org.jepyc.cluster.protocol.CodeManifest;
import org.jepyc.cluster.protocol.WorkerStats;
import org.jepyc.cluster.protocol.HazelcastConfigs;
import org.jepyc.cluster.protocol.Names;
import org.jepyc.cluster.protocol.PayloadCodec;
import org.jepyc.cluster.protocol.ResultEnvelope;
import org.jepyc.cluster.protocol.Signer;
import org.jepyc.cluster.protocol.TaskState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker: a Hazelcast member whose threads take batch ids from the queue, claim the batch
 * (compare-and-set of its state), run it and store its signed result before removing the
 * task — so a batch whose worker dies is still in the task map and is re-queued by the
 * {@link Reaper}. Stops on {@link #close()}, on a signed shutdown message, or when its member
 * stops. A worker with an end time (a batch job's) takes no batch it cannot finish before the end
 * by the timings it has seen, leaves when nothing more fits, and on {@link #handBack()} puts the
 * batches it is running back in the queue before leaving.
 */
public final class Worker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    /** How long a joined lite worker waits to see the head before it joins again. */
    private static final java.time.Duration HEAD_WAIT = java.time.Duration.ofSeconds(10);
    private static final int JOIN_ATTEMPTS = 3;
    private final WorkerOptions options;
    private final Signer signer;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, String> claimed = new ConcurrentHashMap<>();
    private final WorkTimer timer = new WorkTimer();
    private HazelcastInstance hz;
    private ScheduledExecutorService reaping;
    private volatile boolean running = true;
    private final java.util.concurrent.atomic.AtomicLong batchesRun = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong pointsRun = new java.util.concurrent.atomic.AtomicLong();

    /** @param options how to run */
    public Worker(WorkerOptions options) {
        this.options = options;
        this.signer = new Signer(options.connection().secret());
    }

    /**
     * Joins the cluster and starts taking work.
     *
     * @return this worker
     * @throws IOException if the experiment classpath cannot be read
     */
    public Worker start() throws IOException {
        ClassLoader loader = loader(options.classpath());
        CodeManifest manifest = CodeManifest.of(options.classpath());
        List<String> allowed = new ArrayList<>(options.allow());
        allowed.addAll(packagesOf(options.classpath()));
        AllowList allow = new AllowList(allowed);
        LOG.info("Worker allows classes in {}", allow.prefixes());
        PayloadCodec codec = new PayloadCodec(allow, loader);
        Map<String, String> attrs = Map.of(Names.THREADS_ATTRIBUTE, Integer.toString(options.threads()),
                Names.PID_ATTRIBUTE, Long.toString(ProcessHandle.current().pid()));
        Config config = HazelcastConfigs.member(options.connection(), options.host(), options.port(), attrs);
        // a lite member holds no partitions: a batch job ending, however abruptly, loses no data
        config.setLiteMember(options.lite());
        hz = join(config);
        Reaper reaper = new Reaper(hz, signer);
        reaping = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "jepyc-reaper"));
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                LOG.info("Member joined: {}", e.getMember().getAddress());
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                LOG.warn("Member left: {}", e.getMember().getAddress());
                reaping.schedule(() -> reapSafely(reaper, true), 300, TimeUnit.MILLISECONDS);
            }
        });
        reaping.scheduleWithFixedDelay(() -> reapSafely(reaper, false), 10, 10, TimeUnit.SECONDS);
        hz.<String>getTopic(Names.CONTROL).addMessageListener(m -> control(m.getMessageObject()));
        hz.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == com.hazelcast.core.LifecycleEvent.LifecycleState.SHUTDOWN) {
                running = false;
                stopped.countDown();
            }
        });
        UUID me = hz.getCluster().getLocalMember().getUuid();
        hz.<String, String>getMap(Names.CODE).set(me.toString(), manifest.format());
        hz.<String, String>getMap(Names.WORKERS).set(me.toString(), new WorkerStats(0, 0).format());
        IMap<String, byte[]> bundleStore = hz.getMap(Names.BUNDLES);
        TaskRunner runner = new TaskRunner(signer, codec, new BundleLoaders(bundleStore::get, signer, manifest, loader, allow));
        for (int i = 0; i < options.threads(); i++) {
            Thread t = new Thread(() -> loop(runner, loader), "jepyc-worker-" + i);
            t.setContextClassLoader(loader);
            t.start();
            threads.add(t);
        }
        // the cluster's name admits to its maps: it stays out of the logs
        LOG.info("Worker {} running {} thread(s); experiment code {} ({} classes)", hz.getCluster().getLocalMember().getAddress(),
                options.threads(), manifest.fingerprint().substring(0, 12), manifest.classes().size());
        return this;
    }

    /**
     * Joins the cluster. A lite worker holds no data, so it is of use only beside a member that
     * does (the head); on a loaded machine the head can drop a member while it is still joining,
     * which leaves that member in a cluster of its own. Such a worker leaves and joins again,
     * a few times, before it gives up.
     */
    private HazelcastInstance join(Config config) {
        for (int attempt = 1; ; attempt++) {
            HazelcastInstance h = Hazelcast.newHazelcastInstance(config);
            if (!options.lite() || awaitDataMember(h, HEAD_WAIT)) {
                return h;
            }
            h.getLifecycleService().terminate();
            if (attempt == JOIN_ATTEMPTS) {
                throw new IllegalStateException("No cluster head answered within " + HEAD_WAIT.toSeconds()
                        + " s, " + JOIN_ATTEMPTS + " times: is the cluster running? (jepyc cluster status)");
            }
            LOG.warn("Joined without the cluster's head (attempt {} of {}): joining again", attempt, JOIN_ATTEMPTS);
        }
    }

    private static boolean awaitDataMember(HazelcastInstance h, java.time.Duration wait) {
        CountDownLatch seen = new CountDownLatch(1);
        UUID listener = h.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                if (!e.getMember().isLiteMember()) {
                    seen.countDown();
                }
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                // only an arrival ends the wait
            }
        });
        try {
            return h.getCluster().getMembers().stream().anyMatch(m -> !m.isLiteMember())
                    || seen.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            h.getCluster().removeMembershipListener(listener);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void reapSafely(Reaper reaper, boolean queuedToo) {
        try {
            if (running && reaper.isOldest()) {
                reaper.reap(queuedToo);
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.warn("Re-queueing lost batches failed: {}", e.toString());
            }
        }
    }

    private void control(String message) {
        if (ShutdownMessage.verify(message, signer)) {
            LOG.info("Shutdown requested through the cluster");
            new Thread(this::close, "jepyc-shutdown").start();
        } else {
            LOG.warn("Ignored an unsigned control message");
        }
    }

    private void loop(TaskRunner runner, ClassLoader loader) {
        IQueue<String> queue = hz.getQueue(Names.QUEUE);
        IMap<String, String> state = hz.getMap(Names.STATE);
        IMap<String, byte[]> tasks = hz.getMap(Names.TASKS);
        IMap<String, byte[]> results = hz.getMap(Names.RESULTS);
        IMap<String, String> workers = hz.getMap(Names.WORKERS);
        UUID me = hz.getCluster().getLocalMember().getUuid();
        while (running) {
            try {
                String id = queue.poll(500, TimeUnit.MILLISECONDS);
                if (id == null) {
                    if (!fitsBeforeEnd(1)) {
                        leave();
                    }
                    continue;
                }
                String old = state.get(id);
                if (old == null) {
                    continue;               // finished or failed meanwhile
                }
                java.util.Optional<TaskState> parsed = TaskState.tryParse(old);
                if (parsed.isEmpty()) {
                    LOG.warn("Skipped batch {}: its state '{}' is not one jepyc writes", id, Reaper.abbreviate(old));
                    continue;
                }
                TaskState st = parsed.get();
                if (st.running()) {
                    continue;               // a duplicate queue entry; someone else has it
                }
                if (!fitsBeforeEnd(st.points())) {
                    queue.offer(id);        // another worker, with time left, takes it
                    LOG.info("Batch {} ({} points) cannot finish before this job ends at {}: leaving",
                            id, st.points(), options.endTime());
                    leave();
                    break;
                }
                String mine = st.claimedBy(me).format();
                claimed.put(id, mine);      // before the claim, so that a hand-back never misses it
                if (!state.replace(id, old, mine)) {
                    claimed.remove(id);
                    continue;               // someone else has it
                }
                byte[] envelope = tasks.get(id);
                if (envelope == null) {
                    state.delete(id);
                    claimed.remove(id);
                    continue;
                }
                long t0 = System.nanoTime();
                ResultEnvelope r = runner.run(id, envelope, st.points());
                timer.record(st.points(), System.nanoTime() - t0);
                if (r != null && tasks.containsKey(id) && claimed.containsKey(id)) {
                    results.set(id, r.seal(signer));
                }
                if (r != null) {
                    workers.set(me.toString(), new WorkerStats(batchesRun.incrementAndGet(),
                            pointsRun.addAndGet(Math.max(0, r.points()))).format());
                }
                if (claimed.remove(id) != null) {
                    tasks.delete(id);
                    state.delete(id);
                }
            } catch (HazelcastInstanceNotActiveException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.error("Worker loop: {}", e.toString(), e);
                }
            }
        }
    }

    /**
     * @param points a batch's size
     * @return true if it can be finished before this worker's end, by the slowest rate seen so far
     *         (true while nothing has been timed yet, and always without an end time)
     */
    private boolean fitsBeforeEnd(int points) {
        if (options.endTime() == null) {
            return true;
        }
        Instant stop = options.endTime().minus(options.margin());
        return !Instant.now().plus(timer.estimate(points)).isAfter(stop);
    }

    private void leave() {
        if (running) {
            running = false;
            new Thread(this::close, "jepyc-leave").start();
        }
    }

    /**
     * Puts the batches this worker is running back in the queue, as they were before it took
     * them (no retry counted: the worker did not die, it was told to go), and leaves the cluster
     * without waiting for them. Results they produce after this are not stored.
     */
    public void handBack() {
        running = false;
        if (hz == null || !hz.getLifecycleService().isRunning()) {
            return;
        }
        try {
            IMap<String, String> state = hz.getMap(Names.STATE);
            IQueue<String> queue = hz.getQueue(Names.QUEUE);
            for (String id : List.copyOf(claimed.keySet())) {
                String mine = claimed.remove(id);
                if (mine != null && state.replace(id, mine, TaskState.parse(mine).handedBack().format())) {
                    queue.offer(id);
                    LOG.info("Handed back batch {}", id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Handing back batches failed ({}); the cluster re-queues them when this worker has left",
                    e.toString());
        }
        if (reaping != null) {
            reaping.shutdownNow();
        }
        hz.shutdown();
        stopped.countDown();
    }

    /** Blocks until the worker has stopped. @throws InterruptedException if interrupted */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** @return the member's address, as {@code host:port} */
    public String address() {
        var a = hz.getCluster().getLocalMember().getAddress();
        return a.getHost() + ":" + a.getPort();
    }

    /** Stops taking work, lets the running experiments finish, and leaves the cluster gracefully. */
    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            if (t != Thread.currentThread()) {
                try {
                    t.join(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (reaping != null) {
            reaping.shutdownNow();
        }
        if (hz != null && hz.getLifecycleService().isRunning()) {
            hz.shutdown();
        }
        stopped.countDown();
    }

    static ClassLoader loader(List<Path> classpath) throws MalformedURLException {
        ClassLoader parent = Worker.class.getClassLoader();
        if (classpath.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = classpath.get(i).toUri().toURL();
        }
        return new URLClassLoader("jepyc-experiments", urls, parent);
    }

    /**
     * @param classpath jars and class directories
     * @return the packages of the classes they hold
     * @throws IOException if one cannot be read
     */
    static List<String> packagesOf(List<Path> classpath) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        for (Path p : classpath) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                        Path rel = p.relativize(f.getParent() == null ? p : f.getParent());
                        out.add(rel.toString().replace(java.io.File.separatorChar, '.'));
                    });
                }
            } else if (Files.isRegularFile(p)) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    jar.stream().map(e -> e.getName())
                            .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && n.contains("/"))
                            .forEach(n -> out.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.')));
                }
            } else {
                throw new IOException("No such jar or directory on the experiment classpath: " + p);
            }
        }
        out.remove("");
        return new ArrayList<>(out);
    }
}
