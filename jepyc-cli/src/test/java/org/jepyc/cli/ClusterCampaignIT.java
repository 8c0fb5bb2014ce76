package org.jepyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jepyc.LabNotebook;
import org.jepyc.ResultsDict;
import org.jepyc.campaign.Provenance;
import org.jepyc.cluster.ClusterLab;
import org.jepyc.json.JsonLabNotebook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster campaign from the shell, as a user runs it: {@code jepyc cluster start}, a one-file
 * program run by {@code jepyc run} (or a jshell script run by {@code jepyc shell}) that submits
 * the campaign and exits, {@code jepyc collect} from a new process, {@code jepyc cluster stop}.
 * The program's classes are in no jar: they reach the workers in a code bundle. The workers are
 * started with one jar of the user's ({@code sweep.jar}), to check that a jar's classes are
 * never shipped and must be the workers' own. One 2-worker cluster (real JVMs on 127.0.0.1,
 * jepyc's home in a temporary directory) serves the class, and is stopped after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterCampaignIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private Path home;
    private Path jar;
    private Map<String, String> env;

    private static final String SQUARE = """
            package sweep;
            import java.util.Map;
            public class Square extends org.jepyc.Experiment {
                @Override
                protected Map<String, ?> perform(Map<String, Object> p) {
                    long x = (Long) p.get("x");
                    return Map.of("y", x * x %s);
                }
            }
            """;

    /** A one-file program: submits a SummaryExperiment of its own experiment and a lambda, and exits. */
    private static final String SWEEP = """
            import java.nio.file.Path;
            import java.util.List;
            import java.util.Map;
            import java.util.stream.IntStream;
            import org.jepyc.*;
            import org.jepyc.json.JsonLabNotebook;
            import org.jepyc.cluster.ClusterLab;

            public class Sweep extends Experiment {
                @Override
                protected Map<String, ?> perform(Map<String, Object> p) {
                    return Map.of("total", Helper.add((Long) p.get("a"), (Long) p.get("b")));
                }

                public static void main(String[] args) {
                    int n = Integer.parseInt(args[1]);
                    try (LabNotebook nb = new JsonLabNotebook(Path.of(args[0])); ClusterLab lab = new ClusterLab(nb)) {
                        lab.put("a", IntStream.range(0, n)).put("b", List.of(1, 2));
                        lab.runExperiment(new SummaryExperiment(new RepeatedExperiment(new Sweep(), 3)));
                        nb.addResultSet("lambda");
                        lab.runExperiment(Experiment.of(p -> Map.of("product", (Long) p.get("a") * (Long) p.get("b"))));
                    }
                    System.out.println("submitted");
                }
            }

            class Helper {
                static long add(long a, long b) { return a + b; }
            }
            """;

    /** A one-file program whose experiment comes from the user's jar. */
    private static final String SUBMIT = """
            import java.nio.file.Path;
            import java.util.stream.IntStream;
            import org.jepyc.LabNotebook;
            import org.jepyc.json.JsonLabNotebook;
            import org.jepyc.cluster.ClusterLab;
            public class Submit {
                public static void main(String[] a) throws Exception {
                    try (LabNotebook nb = new JsonLabNotebook(Path.of(a[0])); ClusterLab lab = new ClusterLab(nb)) {
                        lab.put("x", IntStream.range(0, Integer.parseInt(a[1])));
                        lab.runExperiment((org.jepyc.Experiment) Class.forName(a[2] + ".Square").getConstructor().newInstance());
                    }
                    System.out.println("submitted");
                }
            }
            """;

    @BeforeAll
    void startCluster(@TempDir Path scratch) throws Exception {
        dir = scratch;
        home = dir.resolve("home");
        env = Map.of("JEPYC_HOME", home.toString());
        jar = jar("");
        Files.writeString(dir.resolve("Sweep.java"), SWEEP);
        Files.writeString(dir.resolve("Submit.java"), SUBMIT);
        Jepyc.Result start = Jepyc.run(dir, env, "cluster", "start", "-n", "2", "--classpath", jar.toString());
        assertThat(start.exit()).as(start.err()).isZero();
        noErrorLines(start);
    }

    @AfterAll
    void stopCluster() throws Exception {
        Jepyc.run(dir, env, "cluster", "stop", "--force", "--timeout", "10");
        killLeftovers(home);
    }

    private static void killLeftovers(Path home) throws Exception {
        Path pids = home.resolve("profile_default").resolve("workers.pids");
        if (Files.exists(pids)) {
            for (String l : Files.readAllLines(pids)) {
                ProcessHandle.of(Long.parseLong(l.trim())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private Path jar(String extra) throws Exception {
        return ExperimentJar.build(dir, dir.resolve("sweep.jar"), Map.of("sweep/Square.java", SQUARE.formatted(extra)));
    }

    private Jepyc.Result submit(Path withJar, String pkg, Path notebook, int points) throws Exception {
        return Jepyc.run(dir, env, "run", "--classpath", withJar.toString(), "Submit.java", notebook.toString(),
                Integer.toString(points), pkg);
    }

    private static void noErrorLines(Jepyc.Result r) {
        assertThat(r.err().lines()).noneMatch(l -> l.startsWith("ERROR") || l.contains(" ERROR "));
    }

    @Test
    void aCampaignSubmittedByJepycRunIsCollectedByANewProcess() throws Exception {
        Path profile = home.resolve("profile_default");
        try (Stream<Path> logs = Files.list(profile.resolve("logs"))) {
            for (Path log : logs.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).as(log.toString()).isEqualTo("rw-------");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(profile.resolve("workers.pids")))).isEqualTo("rw-------");

        int n = 10;
        Path nb = dir.resolve("campaign.json");
        Jepyc.Result submitted = Jepyc.run(dir, env, "run", "Sweep.java", nb.toString(), Integer.toString(n));
        assertThat(submitted.exit()).as(submitted.err()).isZero();
        assertThat(submitted.out()).contains("submitted");
        noErrorLines(submitted);

        Jepyc.Result collect = Jepyc.run(dir, env, "collect", nb.toString(), "--wait", "120s");
        assertThat(collect.exit()).as(collect.err()).isZero();
        assertThat(collect.out()).contains("Collected " + 4 * n + " results into " + nb + ": " + 4 * n + " succeeded, 0 failed",
                "Nothing is pending");
        try (LabNotebook book = JsonLabNotebook.openReadOnly(nb)) {
            List<ResultsDict> summaries = book.resultSet(LabNotebook.DEFAULT_RESULTSET).results();
            List<ResultsDict> products = book.resultSet("lambda").results();
            assertThat(summaries).hasSize(2 * n);
            assertThat(products).hasSize(2 * n);
            assertThat(points(summaries)).as("every point once").hasSize(2 * n);
            assertThat(points(products)).as("every point once").hasSize(2 * n);
            assertThat(summaries).allSatisfy(r -> {
                assertThat(r.success()).as(String.valueOf(r.metadata())).isTrue();
                long a = (Long) r.parameters().get("a");
                long b = (Long) r.parameters().get("b");
                assertThat(((Number) r.results().get("total_mean")).doubleValue()).isEqualTo((double) (a + b));
            });
            assertThat(products).allSatisfy(r ->
                    assertThat(r.results().get("product")).isEqualTo((Long) r.parameters().get("a") * (Long) r.parameters().get("b")));
            assertThat(book.numberOfAllPendingResults()).isZero();
            for (String tag : List.of(LabNotebook.DEFAULT_RESULTSET, "lambda")) {
                assertThat(book.resultSet(tag).getAttribute(Provenance.PREFIX + "workers_code_sha256")).isNotNull();
                assertThat(book.resultSet(tag).getAttribute(ClusterLab.BUNDLE_ATTRIBUTE).toString()).hasSize(64);
            }
        }
        Jepyc.Result again = Jepyc.run(dir, env, "collect", nb.toString());
        assertThat(again.out()).contains("Nothing is pending in " + nb);

        Jepyc.Result status = Jepyc.run(dir, env, "cluster", "status", "--json");
        assertThat(status.exit()).as(status.err()).isZero();
        noErrorLines(status);
        JsonNode s = JSON.readTree(status.out());
        assertThat(s.get("members")).hasSize(2);
        long tasks = 0;
        long points = 0;
        for (JsonNode m : s.get("members")) {
            assertThat(m.get("host").asText()).isEqualTo("127.0.0.1");
            assertThat(m.get("port").asInt()).isPositive();
            assertThat(ProcessHandle.of(m.get("pid").asLong())).isPresent();
            assertThat(m.get("threads").asInt()).isEqualTo(1);
            tasks += m.get("tasksRun").asLong();
            points += m.get("pointsRun").asLong();
        }
        assertThat(tasks).isPositive();
        assertThat(points).as("other tests share the cluster").isGreaterThanOrEqualTo(4 * n);
    }

    private static Set<String> points(List<ResultsDict> rows) {
        Set<String> out = new HashSet<>();
        rows.forEach(r -> out.add(r.parameters().get("a") + "," + r.parameters().get("b")));
        return out;
    }

    @Test
    void aJshellScriptSubmitsToTheClusterAndWaits() throws Exception {
        Path nb = dir.resolve("shell.json");
        Files.writeString(dir.resolve("sweep.jsh"), """
                class Sum extends Experiment {
                    protected Map<String, ?> perform(Map<String, Object> p) {
                        return Map.of("total", (Long) p.get("a") + (Long) p.get("b"));
                    }
                }
                var nb = new JsonLabNotebook(Path.of("%s"));
                var lab = new ClusterLab(nb);
                lab.put("a", List.of(1, 2, 3, 4)).put("b", List.of(10, 20));
                lab.runExperiment(new SummaryExperiment(new RepeatedExperiment(new Sum(), 3)));
                nb.addResultSet("lambda");
                lab.runExperiment(Experiment.of(p -> Map.of("product", (Long) p.get("a") * (Long) p.get("b"))));
                System.out.println("waited " + lab.waitFor(Duration.ofSeconds(100)));
                lab.close();
                nb.close();
                /exit
                """.formatted(nb));
        Jepyc.Result r = Jepyc.run(dir, env, "shell", "sweep.jsh");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("waited true").doesNotContain("Exception");
        try (LabNotebook book = JsonLabNotebook.openReadOnly(nb)) {
            List<ResultsDict> summaries = book.resultSet(LabNotebook.DEFAULT_RESULTSET).results();
            assertThat(summaries).hasSize(8).allSatisfy(row -> {
                assertThat(row.success()).as(String.valueOf(row.metadata())).isTrue();
                long a = (Long) row.parameters().get("a");
                long b = (Long) row.parameters().get("b");
                assertThat(((Number) row.results().get("total_mean")).doubleValue()).isEqualTo((double) (a + b));
            });
            assertThat(book.resultSet("lambda").results()).hasSize(8).allSatisfy(row ->
                    assertThat(row.results().get("product")).isEqualTo((Long) row.parameters().get("a") * (Long) row.parameters().get("b")));
            assertThat(points(summaries)).hasSize(8);
        }
    }

    @Test
    void aSubmissionWhoseJarClassesTheWorkersDoNotRunIsRefused() throws Exception {
        Path first = dir.resolve("first.json");
        Jepyc.Result ok = submit(jar, "sweep", first, 4);
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(Jepyc.run(dir, env, "collect", first.toString(), "--wait", "60s").out()).contains("4 succeeded");
        try {
            jar(" + 1");                                                // the user rebuilds the jar
            Path second = dir.resolve("second.json");
            Jepyc.Result refused = submit(jar, "sweep", second, 4);
            assertThat(refused.exit()).isNotZero();
            assertThat(refused.err()).contains("Refused to submit", "sweep.Square differs", "jepyc cluster stop",
                    "jepyc cluster start");
            if (Files.exists(second)) {                                 // the program's notebook, closed empty
                try (LabNotebook n = JsonLabNotebook.openReadOnly(second)) {
                    assertThat(n.numberOfAllPendingResults()).isZero();
                    assertThat(n.results()).isEmpty();
                }
            }
        } finally {
            jar("");                                                    // the same classes as the workers' again
        }

        Path other = ExperimentJar.build(dir, dir.resolve("other.jar"), Map.of(
                "cube/Square.java", SQUARE.formatted("* x").replace("package sweep;", "package cube;")));
        Path third = dir.resolve("third.json");
        Jepyc.Result missing = submit(other, "cube", third, 4);
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("Refused to submit", "cube.Square is not on the experiment classpath of worker",
                "classes from jars are not shipped", "jepyc cluster start -n N --classpath JARS");
    }

    @Test
    void jobsLostToARestartAreResubmittedFromTheNotebookAlone() throws Exception {
        Path nb = dir.resolve("lost.json");
        Jepyc.Result submitted = Jepyc.run(dir, env, "run", "Sweep.java", nb.toString(), "3");
        assertThat(submitted.exit()).as(submitted.err()).isZero();
        Jepyc.Result stop = Jepyc.run(dir, env, "cluster", "stop", "--force");     // the results go with it
        assertThat(stop.exit()).as(stop.err()).isZero();
        noErrorLines(stop);
        assertThat(home.resolve("profile_default").resolve("jepyc-cluster.json")).doesNotExist();
        Jepyc.Result after = Jepyc.run(dir, env, "cluster", "status");
        assertThat(after.exit()).isEqualTo(1);
        assertThat(after.err().strip()).startsWith("jepyc: No cluster is running for profile default")
                .contains("jepyc cluster start").doesNotContain("jepyc cluster status");
        noErrorLines(after);
        Jepyc.Result restart = Jepyc.run(dir, env, "cluster", "start", "-n", "2", "--classpath", jar.toString());
        assertThat(restart.exit()).as(restart.err()).isZero();

        Jepyc.Result look = Jepyc.run(dir, env, "collect", nb.toString());
        assertThat(look.exit()).as(look.err()).isZero();
        assertThat(look.out()).contains("Collected 0 results", "12 pending jobs are unknown to the cluster", "--resubmit-lost");
        // neither the program nor its classes are needed: the notebook holds the experiment and its code
        Jepyc.Result resubmit = Jepyc.run(dir, env, "collect", nb.toString(), "--resubmit-lost");
        assertThat(resubmit.exit()).as(resubmit.err()).isZero();
        assertThat(resubmit.out()).contains("Resubmitted 12 lost jobs");
        Jepyc.Result done = Jepyc.run(dir, env, "collect", nb.toString(), "--wait", "120s");
        assertThat(done.exit()).as(done.err()).isZero();
        assertThat(done.out()).contains("Nothing is pending");
        try (LabNotebook n = JsonLabNotebook.openReadOnly(nb)) {
            assertThat(n.numberOfAllPendingResults()).isZero();
            for (String tag : List.of(LabNotebook.DEFAULT_RESULTSET, "lambda")) {
                List<ResultsDict> rows = n.resultSet(tag).results();
                assertThat(rows).as(tag).hasSize(6).allSatisfy(r -> assertThat(r.success()).as(String.valueOf(r.metadata())).isTrue());
                assertThat(points(rows)).as("every point of " + tag + " once").hasSize(6);
            }
        }
    }

    @Test
    void startChecksItsArgumentsFirstAndAFailedStartChangesNothing() throws Exception {
        Jepyc.Result bad = Jepyc.run(dir, env, "cluster", "start", "--profile", "fresh", "-n", "2", "--classpath", "nosuch.jar");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err().strip()).isEqualTo("jepyc: No such jar or directory for --classpath: nosuch.jar");
        assertThat(home.resolve("profile_fresh")).doesNotExist();
        assertThat(Jepyc.run(dir, env, "cluster", "start", "--profile", "fresh", "-n", "0").exit()).isEqualTo(2);
        assertThat(home.resolve("profile_fresh")).doesNotExist();

        Path file = home.resolve("profile_default").resolve("jepyc-cluster.json");
        String before = Jepyc.hash(file);
        Jepyc.Result twice = Jepyc.run(dir, env, "cluster", "start", "-n", "1");
        assertThat(twice.exit()).isEqualTo(1);
        assertThat(twice.err()).contains("already running for profile default");
        assertThat(Jepyc.hash(file)).isEqualTo(before);
        Jepyc.Result twiceBad = Jepyc.run(dir, env, "cluster", "start", "-n", "1", "--classpath", "nosuch.jar");
        assertThat(twiceBad.exit()).isEqualTo(1);
        assertThat(Jepyc.hash(file)).isEqualTo(before);
        assertThat(Jepyc.run(dir, env, "cluster", "status").exit()).isZero();
    }
}
