package org.jepyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jepyc run} and {@code jepyc shell}, through the real launcher, as a newcomer uses them. */
class RunAndShellIT {
    @TempDir
    Path dir;

    @Test
    void runCompilesAndRunsAOneFileParallelLabProgram() throws Exception {
        Files.writeString(dir.resolve("Sweep.java"), """
                import java.util.List;
                import java.util.Map;
                import java.util.stream.IntStream;
                import org.jepyc.*;

                public class Sweep extends Experiment {
                    @Override
                    protected Map<String, ?> perform(Map<String, Object> p) {
                        long a = (Long) p.get("a"), b = (Long) p.get("b");
                        return Map.of("total", a + b);
                    }

                    public static void main(String[] args) {
                        int n = Integer.parseInt(args[0]);
                        Lab lab = new ParallelLab(new LabNotebook(), 2);
                        lab.put("a", IntStream.range(0, n)).put("b", List.of(1, 2, 3));
                        lab.runExperiment(new SummaryExperiment(new RepeatedExperiment(new Sweep(), 4)));
                        double means = lab.results().stream()
                                .mapToDouble(r -> ((Number) r.results().get("total_mean")).doubleValue()).sum();
                        System.out.println("summary " + lab.results().size() + " " + means + " " + args[1]);
                        lab.notebook().addResultSet("lambda");
                        lab.runExperiment(Experiment.of(p -> Map.of("product", (Long) p.get("a") * (Long) p.get("b"))));
                        System.out.println("lambda " + lab.results().stream().mapToLong(r -> (Long) r.results().get("product")).sum());
                    }
                }
                """);
        int n = 12;
        Jepyc.Result r = Jepyc.run(dir, "run", "Sweep.java", Integer.toString(n), "--not-an-option-of-jepyc");
        assertThat(r.exit()).as(r.err()).isZero();
        long totals = 0, products = 0;
        for (long a = 0; a < n; a++) {
            for (long b = 1; b <= 3; b++) {
                totals += a + b;
                products += a * b;
            }
        }
        assertThat(r.out().lines()).containsExactly("summary " + 3 * n + " " + (double) totals + " --not-an-option-of-jepyc",
                "lambda " + products);
        assertThat(r.err()).doesNotContain("DEBUG", "INFO com.hazelcast", "SLF4J");
    }

    @Test
    void runReportsCompileErrorsAndProgramFailures() throws Exception {
        Files.writeString(dir.resolve("Broken.java"), "public class Broken { void f() { int x = \"no\"; } }\n");
        Jepyc.Result broken = Jepyc.run(dir, "run", "Broken.java");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.err()).contains("Broken.java:1: error:");

        Files.writeString(dir.resolve("Fails.java"), """
                public class Fails {
                    public static void main(String[] args) { throw new IllegalStateException("the program's own failure"); }
                }
                """);
        Jepyc.Result fails = Jepyc.run(dir, "run", "Fails.java");
        assertThat(fails.exit()).isEqualTo(1);
        assertThat(fails.err()).contains("IllegalStateException: the program's own failure", "at Fails.main(Fails.java:2)");

        Jepyc.Result missing = Jepyc.run(dir, "run", "Nowhere.java");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("No such program", "Nowhere.java");
    }

    @Test
    void shellOpensJshellWithJepycImported() throws Exception {
        Files.writeString(dir.resolve("sweep.jsh"), """
                class Sum extends Experiment {
                    protected Map<String, ?> perform(Map<String, Object> p) {
                        return Map.of("total", (Long) p.get("a") + (Long) p.get("b"));
                    }
                }
                Lab lab = new ParallelLab(new LabNotebook(), 2);
                lab.put("a", List.of(1, 2, 3, 4)).put("b", List.of(10, 20));
                lab.runExperiment(new SummaryExperiment(new RepeatedExperiment(new Sum(), 3)));
                System.out.println("summary " + lab.results().stream().mapToDouble(r -> ((Number) r.results().get("total_mean")).doubleValue()).sum());
                lab.notebook().addResultSet("lambda");
                lab.runExperiment(Experiment.of(p -> Map.of("product", (Long) p.get("a") * (Long) p.get("b"))));
                System.out.println("lambda " + lab.results().stream().mapToLong(r -> (Long) r.results().get("product")).sum());
                /exit
                """);
        Jepyc.Result r = Jepyc.run(dir, "shell", "sweep.jsh");
        assertThat(r.exit()).as(r.err()).isZero();
        long totals = 0, products = 0;
        for (long a = 1; a <= 4; a++) {
            for (long b = 10; b <= 20; b += 10) {
                totals += a + b;
                products += a * b;
            }
        }
        assertThat(r.out().lines()).contains("summary " + (double) totals, "lambda " + products);
        assertThat(r.out()).doesNotContain("Exception", "Error");
    }
}
