package org.jepyc.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.jepyc.Experiment;
import org.jepyc.LabNotebook;
import org.jepyc.ParallelLab;
import org.jepyc.RepeatedExperiment;
import org.jepyc.ResultsDict;
import org.jepyc.SummaryExperiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jepyc.fixtures.SystemTest;

/**
 * Experiments whose classes live in a loader that jepyc's classes cannot see — a class compiled
 * at run time, a single-file source program, a jshell session — copied for ParallelLab's threads,
 * bare, wrapped in combinators, and as lambdas. A system test: it compiles with javac and starts
 * child JVMs and jshell.
 */
@SystemTest
class ForeignLoaderCopyTest {
    private static final String USER_SOURCE = """
            import java.util.Map;
            import org.jepyc.Experiment;

            public class Twice extends Experiment {
                @Override
                protected Map<String, ?> perform(Map<String, Object> p) {
                    return Map.of("twice", 2 * ((Number) p.get("a")).longValue());
                }

                public static Experiment squares() {
                    long offset = 7;   // captured, so the lambda's state travels with it
                    return Experiment.of(p -> Map.of("square", ((Number) p.get("a")).longValue()
                            * ((Number) p.get("a")).longValue() + offset));
                }
            }
            """;

    @Test
    void wrappedExperimentsAndLambdasFromAnotherLoaderRunInParallel(@TempDir Path dir) throws Exception {
        Path classes = compile(dir, "Twice", USER_SOURCE);
        try (URLClassLoader user = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> twice = user.loadClass("Twice");
            Experiment bare = (Experiment) twice.getConstructor().newInstance();
            Method squares = twice.getMethod("squares");

            ParallelLab lab = new ParallelLab(new LabNotebook(), 2);
            lab.put("a", IntStream.range(0, 20));
            lab.runExperiment(new SummaryExperiment(new RepeatedExperiment(bare, 3)));
            assertThat(lab.results()).hasSize(20).allSatisfy(r -> {
                assertThat(r.success()).as("%s", r.metadata().get(Experiment.EXCEPTION)).isTrue();
                long a = (Long) r.parameters().get("a");
                assertThat(((Number) r.results().get("twice_mean")).doubleValue()).isEqualTo(2.0 * a);
            });

            lab.notebook().addResultSet("lambda");
            lab.runExperiment((Experiment) squares.invoke(null));
            assertThat(lab.results()).hasSize(20).allSatisfy(r -> {
                assertThat(r.success()).as("%s", r.metadata().get(Experiment.EXCEPTION)).isTrue();
                long a = (Long) r.parameters().get("a");
                assertThat(r.results().get("square")).isEqualTo(a * a + 7);
            });
        }
    }

    @Test
    void copiesAreIndependentAndFindEachClassInItsOwnLoader(@TempDir Path dir) throws Exception {
        Path classes = compile(dir, "Twice", USER_SOURCE);
        try (URLClassLoader user = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Experiment inner = (Experiment) user.loadClass("Twice").getConstructor().newInstance();
            Experiment outer = new SummaryExperiment(inner);
            ExperimentCopier<Experiment> copier = new ExperimentCopier<>(List.of(outer, outer));
            List<Experiment> one = copier.copies();
            List<Experiment> two = copier.copies();
            assertThat(one).hasSize(1);
            SummaryExperiment copy = (SummaryExperiment) one.get(0);
            assertThat(copy).isNotSameAs(outer).isNotSameAs(two.get(0));
            assertThat(copy.experiment().getClass()).isSameAs(inner.getClass());
        }
    }

    /** The README's {@code Sum}, run as {@code java -cp … Sum.java}: its class exists only in the launcher's memory. */
    @Test
    void aSingleFileSourceProgramRunsUnderParallelLab(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("Sum.java");
        Files.writeString(source, """
                import java.util.List;
                import java.util.Map;
                import java.util.stream.IntStream;
                import org.jepyc.*;

                public class Sum extends Experiment {
                    @Override
                    protected Map<String, ?> perform(Map<String, Object> p) {
                        long a = (Long) p.get("a"), b = (Long) p.get("b");
                        return Map.of("total", a + b);
                    }

                    public static void main(String[] args) {
                        Lab lab = new ParallelLab(new LabNotebook(), 2);
                        lab.put("a", IntStream.range(0, 10)).put("b", List.of(1, 2, 3));
                        lab.runExperiment(new SummaryExperiment(new RepeatedExperiment(new Sum(), 4)));
                        double summary = 0;
                        for (ResultsDict r : lab.results()) {
                            summary += ((Number) r.results().get("total_mean")).doubleValue();
                        }
                        lab.notebook().addResultSet("lambda");
                        lab.runExperiment(Experiment.of(p -> Map.of("product", (Long) p.get("a") * (Long) p.get("b"))));
                        long lambda = 0;
                        for (ResultsDict r : lab.results()) {
                            lambda += (Long) r.results().get("product");
                        }
                        System.out.println("summary " + summary);
                        System.out.println("lambda " + lambda);
                    }
                }
                """);
        List<String> out = runJava(dir, List.of(javaTool("java"), "-cp", System.getProperty("java.class.path"),
                source.toString()));
        long sumOfTotals = 0, sumOfProducts = 0;
        for (int a = 0; a < 10; a++) {
            for (int b = 1; b <= 3; b++) {
                sumOfTotals += a + b;
                sumOfProducts += (long) a * b;
            }
        }
        assertThat(out).contains("summary " + (double) sumOfTotals, "lambda " + sumOfProducts);
    }

    /** A jshell session: classes and lambdas defined at the prompt, run on ParallelLab's threads. */
    @Test
    void aJshellScriptRunsUnderParallelLab(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("sweep.jsh");
        Files.writeString(script, """
                import java.util.*;
                import org.jepyc.*;
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
                System.out.println("failed " + lab.notebook().resultSets().stream().mapToLong(t -> lab.notebook().resultSet(t).results().stream().filter(r -> !r.success()).count()).sum());
                /exit
                """);
        // jshell's default execution: the snippets run in an agent JVM, their classes in jshell's own loader
        List<String> out = runJava(dir, List.of(javaTool("jshell"), "--class-path", System.getProperty("java.class.path"),
                script.toString()));
        long sumOfTotals = 0, sumOfProducts = 0;
        for (long a = 1; a <= 4; a++) {
            for (long b = 10; b <= 20; b += 10) {
                sumOfTotals += a + b;
                sumOfProducts += a * b;
            }
        }
        assertThat(out).contains("summary " + (double) sumOfTotals, "lambda " + sumOfProducts, "failed 0");
    }

    static String javaTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    /** Runs a command to its end, output to a file (no pipe to fill), and returns its lines. */
    static List<String> runJava(Path dir, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command.get(0)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("exit status of %s; output:%n%s", command, String.join("\n", lines)).isZero();
        return lines;
    }

    static Path compile(Path dir, String className, String source) throws IOException {
        Path src = dir.resolve("src");
        Path out = dir.resolve("classes");
        Files.createDirectories(src);
        Files.createDirectories(out);
        Path file = src.resolve(className + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(new BufferedWriter(errors), null, null,
                List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path")), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file.toFile())).call();
        assertThat(ok).as("compiles: %s", errors).isTrue();
        return out;
    }
}
