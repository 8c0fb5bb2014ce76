package org.jepyc.cli;

import org.jepyc.fixtures.SystemTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;

import org.jepyc.Experiment;
import org.jepyc.LabNotebook;
import org.jepyc.cluster.ClusterLab;
import org.jepyc.cluster.admin.JepycHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jepyc cluster start/status/stop} and a ClusterLab on the default profile, with JEPYC home in a temp dir. */
@SystemTest
class ClusterCommandTest {
    @TempDir
    Path home;

    @AfterEach
    void cleanUp() throws Exception {
        Path pids = home.resolve("profile_default").resolve("workers.pids");
        if (Files.exists(pids)) {
            for (String l : Files.readAllLines(pids)) {
                ProcessHandle.of(Long.parseLong(l.trim())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        System.clearProperty("jepyc.home");
    }

    private static String run(int expected, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(args)).as(String.join(" ", args)).isEqualTo(expected);
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void startStatusRunStop() throws Exception {
        System.setProperty("jepyc.home", home.toString());
        assertThat(run(0, "cluster", "start", "-n", "2")).contains("Started 2 workers");
        Path file = JepycHome.connectionFile(null);
        assertThat(file).startsWith(home);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(run(1, "cluster", "start", "-n", "1"));                       // already running

        String json = run(0, "cluster", "status", "--json");
        assertThat(json).contains("\"engines\" : 2");

        LabNotebook nb = new LabNotebook();
        try (ClusterLab lab = new ClusterLab(nb)) {
            assertThat(lab.numberOfEngines()).isEqualTo(2);
            lab.put("a", IntStream.range(0, 10));
            lab.runExperiment(Experiment.of(p -> Map.of("twice", 2 * (Long) p.get("a"))));
            assertThat(lab.waitFor(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(nb.results()).hasSize(10).allSatisfy(r ->
                assertThat(r.results().get("twice")).isEqualTo(2 * (Long) r.parameters().get("a")));

        assertThat(run(0, "cluster", "status")).contains("2 workers").contains("Queued:   0 points");
        assertThat(run(0, "cluster", "stop")).contains("Stopped");
        assertThat(run(1, "cluster", "status")).isEmpty();                       // nothing answers any more
    }

    @Test
    void noClusterIsAUserError() {
        System.setProperty("jepyc.home", home.toString());
        assertThat(run(1, "cluster", "status")).isEmpty();
        assertThat(run(2, "cluster", "start")).isEmpty();                         // -n is required
    }
}
