package org.jepyc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import org.jepyc.FactorialDesign;
import org.jepyc.LabNotebook;
import org.jepyc.cluster.ClusterLab;
import org.jepyc.cluster.ClusterOptions;
import org.jepyc.cluster.launch.ClusterLauncher;
import org.jepyc.cluster.admin.ConnectionFile;

/**
 * End-to-end cluster throughput: starts local workers (separate JVMs on 127.0.0.1), submits
 * trivial points through a {@link ClusterLab} and waits until every result is in the notebook,
 * printing points per second for each size, and checking that none is lost, stuck or doubled.
 *
 * <p>Run: {@code java -cp "jepyc-bench/target/classes:jepyc-bench/target/lib/*"
 * org.jepyc.bench.ClusterThroughput [workers] [sizes...]} (defaults: 2 workers; 2000 10000 100000).
 */
public final class ClusterThroughput {

    private ClusterThroughput() { }

    /** @param args [workers] [points...] */
    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        long[] sizes = args.length > 1 ? java.util.Arrays.stream(args, 1, args.length).mapToLong(Long::parseLong).toArray()
                : new long[] {2_000, 10_000, 100_000};
        Path dir = Files.createTempDirectory("jepyc-bench-cluster");
        ConnectionFile cf = ClusterLauncher.newConnection(dir.resolve("jepyc-cluster.json"), workers, "127.0.0.1");
        List<Process> ps = ClusterLauncher.ofCurrentJvm().startAll(cf, dir.resolve("logs"), List.of());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ps.forEach(Process::destroyForcibly)));
        try {
            ClusterLauncher.awaitMembers(cf, workers, Duration.ofSeconds(60));
            ClusterOptions o = ClusterOptions.defaults().withWaitingTime(Duration.ofSeconds(1));
            run(cf, o, 2_000);    // warm-up
            for (long n : sizes) {
                run(cf, o, n);
            }
        } finally {
            ps.forEach(Process::destroyForcibly);
        }
        System.exit(0);
    }

    private static void run(ConnectionFile cf, ClusterOptions o, long n) {
        LabNotebook nb = new LabNotebook();
        try (ClusterLab lab = new ClusterLab(nb, cf.path(), new FactorialDesign(), o)) {
            lab.put("a", LongStream.range(0, n)).put("b", 1L);
            long t0 = System.nanoTime();
            lab.runExperiment(new TrivialExperiment());
            double submitted = (System.nanoTime() - t0) / 1e9;
            boolean all = lab.waitFor(Duration.ofMinutes(10));
            double s = (System.nanoTime() - t0) / 1e9;
            long distinct = nb.results().stream().map(r -> r.parameters().get("a")).distinct().count();
            System.out.printf("ClusterLab, %d workers (%d engines): %,d points in %.2f s (submitted in %.2f s) = %,.0f points/s;"
                            + " all in: %s, results %d, distinct %d, pending %d%n",
                    cf.addresses().size(), lab.numberOfEngines(), n, s, submitted, n / s, all,
                    nb.numberOfResults(), distinct, nb.numberOfAllPendingResults());
        }
    }
}
