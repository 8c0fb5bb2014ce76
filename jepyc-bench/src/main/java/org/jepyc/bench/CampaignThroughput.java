package org.jepyc.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jepyc.Design;
import org.jepyc.Experiment;
import org.jepyc.FactorialDesign;
import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.jepyc.LatinHypercubeDesign;
import org.jepyc.RandomDesign;
import org.jepyc.Range;
import org.jepyc.Resume;
import org.jepyc.SobolDesign;

/**
 * The campaign targets: designs generate 1M points in under 1 s, and a 1M-point campaign with
 * 999k points done starts its first new point in under 2 s (resume costs a hash lookup a point).
 *
 * <p>Run: {@code java -Xmx4g -cp "jepyc-bench/target/classes:jepyc-bench/target/lib/*" org.jepyc.bench.CampaignThroughput}
 */
public final class CampaignThroughput {

    private CampaignThroughput() { }

    /** Records when its first point started. */
    static final class FirstPoint extends Experiment {
        private static final long serialVersionUID = 1L;
        static volatile long first;

        @Override
        protected Map<String, ?> perform(Map<String, Object> p) {
            if (first == 0) {
                first = System.nanoTime();
            }
            return Map.of("y", 1L);
        }
    }

    /** @param args unused */
    public static void main(String[] args) {
        int n = 1_000_000;
        for (int round = 0; round < 3; round++) {
            time("FactorialDesign", new FactorialDesign(), Map.of("a", range(1000), "b", range(1000)), n);
            Map<String, List<Object>> continuous = Map.of("x", List.of(Range.of(0, 1)), "y", List.of(Range.log(1e-3, 1)),
                    "k", List.of(Range.integers(1, 10)));
            time("LatinHypercubeDesign", new LatinHypercubeDesign(n, 1), continuous, n);
            time("SobolDesign", new SobolDesign(n), continuous, n);
            time("RandomDesign", new RandomDesign(n, 1), continuous, n);
        }

        for (int round = 0; round < 3; round++) {
            LabNotebook nb = new LabNotebook();
            Lab done = new Lab(nb);
            done.put("a", IntStream.range(0, 999)).put("b", IntStream.range(0, 1000));
            done.runExperiment(new FirstPoint());
            Lab resume = new Lab(nb).withResume(Resume.RERUN_FAILED);
            resume.put("a", IntStream.range(0, 1000)).put("b", IntStream.range(0, 1000));
            FirstPoint.first = 0;
            long t0 = System.nanoTime();
            resume.runExperiment(new FirstPoint());
            System.out.printf("resume over 1,000,000 points with %,d done: first new point after %.3f s, "
                    + "all %,d done after %.3f s%n", 999_000, (FirstPoint.first - t0) / 1e9,
                    nb.current().numberOfResults(), (System.nanoTime() - t0) / 1e9);
        }
    }

    private static List<Object> range(int k) {
        return IntStream.range(0, k).mapToObj(i -> (Object) (long) i).toList();
    }

    private static void time(String name, Design d, Map<String, List<Object>> space, int n) {
        long t0 = System.nanoTime();
        int got = d.experiments(null, space).size();
        System.out.printf("%-21s %,d points in %.3f s%n", name, got, (System.nanoTime() - t0) / 1e9);
        if (got != n) {
            throw new IllegalStateException(name + " gave " + got + " points");
        }
    }
}
