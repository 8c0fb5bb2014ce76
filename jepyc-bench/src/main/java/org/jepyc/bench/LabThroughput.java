package org.jepyc.bench;

import java.util.stream.LongStream;

import org.dflib.DataFrame;
import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.jepyc.ParallelLab;

/**
 * End-to-end throughput of labs, printed as microseconds per point: a trivial experiment over
 * 100,000 points into an in-memory notebook then {@code dataframe()}, sequentially and in
 * parallel; and the heap held by 1M results.
 *
 * <p>Run: {@code java -cp "jepyc-bench/target/classes:jepyc-bench/target/lib/*" org.jepyc.bench.LabThroughput}
 */
public final class LabThroughput {

    private LabThroughput() { }

    /** @param args [points] (default 100000) */
    public static void main(String[] args) {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        for (int round = 0; round < 5; round++) {
            report("Lab        ", points, run(new Lab(new LabNotebook()), points));
        }
        for (int round = 0; round < 5; round++) {
            report("ParallelLab", points, run(new ParallelLab(new LabNotebook(), 0), points));
        }
        heapOfMillion();
    }

    private static long run(Lab lab, int points) {
        int side = (int) Math.ceil(Math.sqrt(points));
        lab.put("a", LongStream.range(0, side)).put("b", LongStream.range(0, (points + side - 1) / side));
        long t0 = System.nanoTime();
        lab.runExperiment(new TrivialExperiment());
        DataFrame df = lab.dataframe();
        long t = System.nanoTime() - t0;
        if (df.height() < points) {
            throw new IllegalStateException("lost results: " + df.height());
        }
        return t;
    }

    private static void report(String what, int points, long nanos) {
        System.out.printf("%s %,d points: %.3f s, %,.0f points/s, %.2f us per point%n", what, points, nanos / 1e9,
                points / (nanos / 1e9), nanos / 1e3 / points);
    }

    private static void heapOfMillion() {
        Runtime rt = Runtime.getRuntime();
        LabNotebook nb = new LabNotebook();
        Lab lab = new Lab(nb);
        lab.put("a", LongStream.range(0, 1000)).put("b", LongStream.range(0, 1000));
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        lab.runExperiment(new TrivialExperiment());
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("1M results x %d columns held: %.1f MB of heap%n",
                nb.current().metadataNames().size() + nb.current().parameterNames().size() + nb.current().resultNames().size(),
                (after - before) / 1e6);
    }
}
