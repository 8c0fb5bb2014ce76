package org.jepyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jepyc.LabNotebook;
import org.jepyc.ResultsDict;
import org.jepyc.campaign.Provenance;
import org.jepyc.json.JsonLabNotebook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster campaign from the shell, as a user runs it: {@code jepyc cluster start} with the
 * user's experiment jar, a program that submits the campaign and exits, {@code jepyc collect}
 * from a new process, {@code jepyc cluster stop}. The campaign is submitted by a small main class
 * in a child JVM (the {@code jepyc run} command is another branch's work). Real worker JVMs on
 * 127.0.0.1, jepyc's home in a temporary directory, everything stopped after.
 */
class ClusterCampaignIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Map<String, String> env;
    private Path home;

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

    private static final String SUBMIT = """
            package sweep;
            import java.nio.file.Path;
            import java.util.stream.IntStream;
            import org.jepyc.LabNotebook;
            import org.jepyc.json.JsonLabNotebook;
            import org.jepyc.cluster.ClusterLab;
            public class Submit {
                public static void main(String[] a) {
                    try (LabNotebook nb = new JsonLabNotebook(Path.of(a[0])); ClusterLab lab = new ClusterLab(nb)) {
                        lab.put("x", IntStream.range(0, Integer.parseInt(a[1])));
                        lab.runExperiment(new Square());
                    }
                    System.out.println("submitted");
                }
            }
            """;

    @BeforeEach
    void home() throws Exception {
        home = dir.resolve("home");
        env = new HashMap<>(Map.of("JEPYC_HOME", home.toString()));
    }

    @AfterEach
    void stopEverything() throws Exception {
        Jepyc.run(dir, env, "cluster", "stop", "--force", "--timeout", "10");
        Path pids = home.resolve("profile_default").resolve("workers.pids");
        if (Files.exists(pids)) {
            for (String l : Files.readAllLines(pids)) {
                ProcessHandle.of(Long.parseLong(l.trim())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private Path jar(String extra) throws Exception {
        return ExperimentJar.build(dir, dir.resolve("sweep.jar"),
                Map.of("sweep/Square.java", SQUARE.formatted(extra), "sweep/Submit.java", SUBMIT));
    }

    private Jepyc.Result submit(Path jar, Path notebook, int points) throws Exception {
        return submit(jar, "sweep", notebook, points);
    }

    private Jepyc.Result submit(Path jar, String pkg, Path notebook, int points) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djepyc.home=" + home, "-cp", jar + java.io.File.pathSeparator + ExperimentJar.jepycClasspath(),
                pkg + ".Submit", notebook.toString(), Integer.toString(points)));
        return Jepyc.exec(dir, env, cmd);
    }

    private static void noErrorLines(Jepyc.Result r) {
        assertThat(r.err().lines()).noneMatch(l -> l.startsWith("ERROR") || l.contains(" ERROR "));
    }

    @Test
    void aCampaignSubmittedByOneProcessIsCollectedByTheCommandLine() throws Exception {
        Path jar = jar("");
        Jepyc.Result start = Jepyc.run(dir, env, "cluster", "start", "-n", "2", "--classpath", jar.toString());
        assertThat(start.exit()).as(start.err()).isZero();
        noErrorLines(start);
        Path profile = home.resolve("profile_default");
        try (Stream<Path> logs = Files.list(profile.resolve("logs"))) {
            for (Path log : logs.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).as(log.toString()).isEqualTo("rw-------");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(profile.resolve("workers.pids")))).isEqualTo("rw-------");

        Path nb = dir.resolve("campaign.json");
        Jepyc.Result submitted = submit(jar, nb, 40);
        assertThat(submitted.exit()).as(submitted.err()).isZero();

        Jepyc.Result collect = Jepyc.run(dir, env, "collect", nb.toString(), "--wait", "120s");
        assertThat(collect.exit()).as(collect.err()).isZero();
        assertThat(collect.out()).contains("Collected 40 results into " + nb + ": 40 succeeded, 0 failed",
                "Nothing is pending");
        try (LabNotebook n = JsonLabNotebook.openReadOnly(nb)) {
            List<ResultsDict> rows = n.results();
            assertThat(rows).hasSize(40);
            assertThat(rows.stream().map(r -> (Long) r.parameters().get("x")).distinct()).hasSize(40);
            assertThat(rows).allSatisfy(r -> {
                long x = (Long) r.parameters().get("x");
                assertThat(r.results().get("y")).isEqualTo(x * x);
            });
            assertThat(n.current().pendingResults()).isEmpty();
            assertThat(n.current().getAttribute(Provenance.PREFIX + "workers_code_sha256")).isNotNull();
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
        assertThat(points).isEqualTo(40);

        Jepyc.Result stop = Jepyc.run(dir, env, "cluster", "stop");
        assertThat(stop.exit()).as(stop.err()).isZero();
        noErrorLines(stop);
        assertThat(profile.resolve("jepyc-cluster.json")).doesNotExist();
        Jepyc.Result after = Jepyc.run(dir, env, "cluster", "status");
        assertThat(after.exit()).isEqualTo(1);
        assertThat(after.err().strip()).startsWith("jepyc: No cluster is running for profile default")
                .contains("jepyc cluster start").doesNotContain("jepyc cluster status");
        noErrorLines(after);
    }

    @Test
    void aSubmissionWhoseClassesTheWorkersDoNotRunIsRefused() throws Exception {
        Path jar = jar("");
        Jepyc.Result start = Jepyc.run(dir, env, "cluster", "start", "-n", "2", "--classpath", jar.toString());
        assertThat(start.exit()).as(start.err()).isZero();
        Path first = dir.resolve("first.json");
        assertThat(submit(jar, first, 4).exit()).isZero();
        assertThat(Jepyc.run(dir, env, "collect", first.toString(), "--wait", "60s").out()).contains("4 succeeded");

        jar(" + 1");                                                    // the user rebuilds the jar
        Path second = dir.resolve("second.json");
        Jepyc.Result refused = submit(jar, second, 4);
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("Refused to submit", "sweep.Square differs", "jepyc cluster stop",
                "jepyc cluster start");
        if (Files.exists(second)) {                                     // the program's notebook, closed empty
            try (LabNotebook n = JsonLabNotebook.openReadOnly(second)) {
                assertThat(n.numberOfAllPendingResults()).isZero();
                assertThat(n.results()).isEmpty();
            }
        }

        Path other = ExperimentJar.build(dir, dir.resolve("other.jar"), Map.of(
                "cube/Square.java", SQUARE.formatted("* x").replace("package sweep;", "package cube;"),
                "cube/Submit.java", SUBMIT.replace("package sweep;", "package cube;")));
        Path third = dir.resolve("third.json");
        Jepyc.Result missing = submit(other, "cube", third, 4);
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("Refused to submit", "cube.Square is not on the experiment classpath of worker",
                "jepyc cluster start -n N --classpath JARS");
    }

    @Test
    void jobsLostToARestartAreResubmittedFromTheCommandLine() throws Exception {
        Path jar = jar("");
        assertThat(Jepyc.run(dir, env, "cluster", "start", "-n", "2", "--classpath", jar.toString()).exit()).isZero();
        Path nb = dir.resolve("lost.json");
        assertThat(submit(jar, nb, 6).exit()).isZero();
        assertThat(Jepyc.run(dir, env, "cluster", "stop", "--force").exit()).isZero();     // its results go with it
        assertThat(Jepyc.run(dir, env, "cluster", "start", "-n", "2", "--classpath", jar.toString()).exit()).isZero();

        Jepyc.Result look = Jepyc.run(dir, env, "collect", nb.toString());
        assertThat(look.exit()).as(look.err()).isZero();
        assertThat(look.out()).contains("Collected 0 results", "6 pending jobs are unknown to the cluster", "--resubmit-lost");
        Jepyc.Result resubmit = Jepyc.run(dir, env, "collect", nb.toString(), "--resubmit-lost", "--classpath", jar.toString());
        assertThat(resubmit.exit()).as(resubmit.err()).isZero();
        assertThat(resubmit.out()).contains("Resubmitted 6 lost jobs");
        Jepyc.Result done = Jepyc.run(dir, env, "collect", nb.toString(), "--wait", "120s");
        assertThat(done.exit()).as(done.err()).isZero();
        assertThat(done.out()).contains("Nothing is pending");
        try (LabNotebook n = JsonLabNotebook.openReadOnly(nb)) {
            assertThat(n.results()).hasSize(6);
            assertThat(n.results().stream().map(r -> (Long) r.parameters().get("x")).distinct()).hasSize(6);
            assertThat(n.results()).allSatisfy(r -> assertThat(r.success()).isTrue());
        }
    }

    @Test
    void startChecksItsArgumentsFirstAndAFailedStartChangesNothing() throws Exception {
        Jepyc.Result bad = Jepyc.run(dir, env, "cluster", "start", "-n", "2", "--classpath", "nosuch.jar");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err().strip()).isEqualTo("jepyc: No such jar or directory for --classpath: nosuch.jar");
        assertThat(home).doesNotExist();
        assertThat(Jepyc.run(dir, env, "cluster", "start", "-n", "0").exit()).isEqualTo(2);

        Jepyc.Result start = Jepyc.run(dir, env, "cluster", "start", "-n", "1");
        assertThat(start.exit()).as(start.err()).isZero();
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
