package org.jepyc.cluster.slurm;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.hazelcast.map.IMap;
import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.head.Head;
import org.jepyc.cluster.protocol.Names;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The head process of a SLURM cluster:
 * {@code java -cp ... org.jepyc.cluster.slurm.HeadMain --connect FILE --host H --port P
 * --profile-dir DIR --keep N}. Runs a {@link Head} until the cluster is stopped; with
 * {@code --keep N > 0}, every few seconds while the cluster holds queued or running work, submits
 * replacement worker jobs so that N are pending or running. Exits 0 when stopped, 1 on a start-up
 * failure, 2 on a usage error.
 */
public final class HeadMain {
    private static final Logger LOG = LoggerFactory.getLogger(HeadMain.class);
    /** How often the head looks at its workers' jobs. */
    static final long CHECK_SECONDS = 5;
    /** The key of the number of workers to keep in the {@link Names#SLURM} map. */
    public static final String TARGET = "target";

    private HeadMain() { }

    /** @param args the command line */
    public static void main(String[] args) {
        Path connect = null;
        Path dir = null;
        String host = "127.0.0.1";
        int port = 0;
        int keep = 0;
        try {
            for (int i = 0; i + 1 < args.length; i += 2) {
                String v = args[i + 1];
                switch (args[i]) {
                    case "--connect" -> connect = Path.of(v);
                    case "--host" -> host = v;
                    case "--port" -> port = Integer.parseInt(v);
                    case "--profile-dir" -> dir = Path.of(v);
                    case "--keep" -> keep = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            if (connect == null || dir == null || port == 0 || args.length % 2 != 0) {
                throw new IllegalArgumentException("usage: --connect FILE --host H --port P --profile-dir DIR [--keep N]");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("jepyc head: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(ConnectionFile.read(connect), host, port, new SlurmCluster(dir, new Slurm()), keep);
            System.exit(0);
        } catch (Exception e) {
            LOG.error("The head failed: {}", e.toString(), e);
            System.exit(1);
        }
    }

    /**
     * Runs a head until it is stopped.
     *
     * @param cf      the cluster
     * @param host    interface
     * @param port    port
     * @param cluster the profile's SLURM workers
     * @param keep    workers to keep alive (0: none)
     * @throws InterruptedException if interrupted
     */
    public static void run(ConnectionFile cf, String host, int port, SlurmCluster cluster, int keep)
            throws InterruptedException {
        Head head = new Head(cf, host, port).start();
        Runtime.getRuntime().addShutdownHook(new Thread(head::close, "jepyc-head-exit"));
        IMap<String, Integer> settings = head.instance().getMap(Names.SLURM);
        settings.set(TARGET, keep);
        ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jepyc-resubmit");
            t.setDaemon(true);
            return t;
        });
        checks.scheduleWithFixedDelay(() -> keepAlive(head, settings, cluster), CHECK_SECONDS, CHECK_SECONDS,
                TimeUnit.SECONDS);
        head.awaitStop();
        checks.shutdownNow();
    }

    private static void keepAlive(Head head, IMap<String, Integer> settings, SlurmCluster cluster) {
        try {
            Integer target = settings.get(TARGET);
            if (target == null || target < 1 || !head.hasWork()) {
                return;
            }
            int active = cluster.activeWorkers();
            if (active < target && head.instance().getLifecycleService().isRunning()) {
                LOG.info("{} of {} workers pending or running while work is left: submitting {}", active, target,
                        target - active);
                cluster.submit(target - active);
            }
        } catch (Exception e) {
            LOG.warn("Keeping the workers alive failed (trying again in {} s): {}", CHECK_SECONDS, e.toString());
        }
    }
}
