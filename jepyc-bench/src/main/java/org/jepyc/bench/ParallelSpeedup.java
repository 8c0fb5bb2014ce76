package org.jepyc.bench;

import java.util.stream.IntStream;

import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.jepyc.ParallelLab;

/**
 * Speed-up of {@link ParallelLab} over {@link Lab} for CPU-bound experiments of about 1 ms,
 * 8 ms and 80 ms per point, and the per-point overhead with a trivial experiment.
 *
 * <p>Run: {@code java -cp "jepyc-bench/target/classes:jepyc-bench/target/lib/*" org.jepyc.bench.ParallelSpeedup}
 */
public final class ParallelSpeedup {

    private ParallelSpeedup() { }

    /** @param args [cores] (default: all) */
    public static void main(String[] args) {
        int cores = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        measure(1, 2000, cores);
        measure(8, 500, cores);
        measure(80, 100, cores);
    }

    private static void measure(double millis, int points, int cores) {
        // best of three whole runs each: the first run of a size also pays for compilation
        double seq = Double.MAX_VALUE;
        double parallel = Double.MAX_VALUE;
        ParallelLab par = new ParallelLab(new LabNotebook(), cores);
        for (int round = 0; round < 3; round++) {
            seq = Math.min(seq, time(new Lab(new LabNotebook()), millis, points));
            parallel = Math.min(parallel, time(new ParallelLab(new LabNotebook(), cores), millis, points));
        }
        System.out.printf("%5.0f ms x %4d points: Lab %.2f s, ParallelLab(%d) %.2f s, speed-up %.2fx%n",
                millis, points, seq, par.numberOfCores(), parallel, seq / parallel);
    }

    private static double time(Lab lab, double millis, int points) {
        lab.put("millis", millis).put("i", IntStream.range(0, points));
        long t0 = System.nanoTime();
        lab.runExperiment(new BusyExperiment());
        return (System.nanoTime() - t0) / 1e9;
    }
}
