package org.jepyc.cluster;

import org.jepyc.fixtures.SystemTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.jepyc.FactorialDesign;
import org.jepyc.ResultsDict;
import org.jepyc.cluster.testexp.Sum;
import org.jepyc.json.JsonLabNotebook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures and disconnected use, each test with its own 2-worker cluster (they kill workers):
 * submit from one process and collect from another (pending jobs survive the submitting process,
 * and any process with the notebook and the connection file collects them); a worker SIGKILLed
 * mid-run; the whole cluster restarted. The waits are guards against a hang, not speed targets.
 */
@SystemTest
class DisconnectedTest {
    @TempDir
    Path tmp;
    private LocalCluster cluster;

    @AfterEach
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** How long a test waits for the cluster before it fails. */
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private static ClusterOptions quick() {
        return ClusterOptions.defaults().withWaitingTime(Duration.ofSeconds(1));
    }

    @Test
    void submitInOneProcessCollectInAnother() throws Exception {
        cluster = LocalCluster.start(tmp.resolve("cluster"), 2);
        Path nbFile = tmp.resolve("nb.json");
        Process p1 = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), SubmitMain.class.getName(),
                nbFile.toString(), cluster.file().toString(), "1000")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("p1.log").toFile()).start();
        assertThat(p1.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p1.exitValue()).as(Files.readString(tmp.resolve("p1.log"))).isZero();

        try (JsonLabNotebook nb = new JsonLabNotebook(nbFile);
             ClusterLab lab = new ClusterLab(nb, cluster.file(), new FactorialDesign(), quick())) {
            assertThat(nb.numberOfAllPendingResults()).isEqualTo(1000);
            assertThat(lab.waitFor(PATIENCE)).isTrue();
            assertExactlyOnce(nb.results("submitted"), 1000);
        }
        try (JsonLabNotebook again = new JsonLabNotebook(nbFile)) {   // committed: a third process would see it all
            assertExactlyOnce(again.results("submitted"), 1000);
            assertThat(again.numberOfAllPendingResults()).isZero();
        }
    }

    @Test
    void workerKilledMidRunEveryPointLandsOnce() throws Exception {
        cluster = LocalCluster.start(tmp.resolve("cluster"), 2);
        JsonLabNotebook nb = new JsonLabNotebook(tmp.resolve("nb.json"), true);
        try (ClusterLab lab = new ClusterLab(nb, cluster.file(), new FactorialDesign(), quick())) {
            lab.put("a", java.util.stream.IntStream.range(0, 200));
            lab.put("ms", 50);                         // 10 s of work: the kill lands mid-run
            lab.runExperiment(new Sum());
            // the first result back shows the workers have taken batches; kill one while most are pending
            int collected = 0;
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (collected == 0 && System.nanoTime() < deadline) {
                collected = lab.updateResults(false);
                Thread.sleep(20);
            }
            assertThat(collected).as("a result came back").isPositive();
            assertThat(nb.numberOfPendingResults()).as("jobs still pending at the kill").isPositive();
            Process victim = cluster.workers.get(0);
            victim.destroyForcibly();
            assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(lab.waitFor(PATIENCE)).isTrue();
            assertExactlyOnce(nb.results(), 200);
            assertThat(nb.results()).allSatisfy(r -> assertThat(r.success()).isTrue());
        }
        assertThat(cluster.logs()).contains("lost its worker");
    }

    @Test
    void wholeClusterRestartedLostJobsAreReportedAndResubmitted() throws Exception {
        cluster = LocalCluster.start(tmp.resolve("cluster"), 2);
        JsonLabNotebook nb = new JsonLabNotebook(tmp.resolve("nb.json"), true);
        try (ClusterLab lab = new ClusterLab(nb, cluster.file(), new FactorialDesign(), quick())) {
            lab.put("a", java.util.stream.IntStream.range(0, 40));
            lab.put("ms", 400);
            lab.runExperiment(new Sum());
        }
        cluster.killAll();
        cluster.startWorkers();
        try (ClusterLab lab = new ClusterLab(nb, cluster.file(), new FactorialDesign(), quick())) {
            int before = nb.numberOfResults();
            assertThat(lab.updateResults(false)).isZero();
            assertThat(lab.lostJobs()).hasSize(40 - before);
            // a wait with no limit returns (false) once only lost jobs are left: it never hangs on them
            assertThat(assertTimeoutPreemptively(PATIENCE, () -> lab.waitFor(Duration.ofSeconds(-1)))).isFalse();
            assertThat(lab.resubmitLost(new Sum())).isEqualTo(40 - before);
            assertThat(lab.lostJobs()).isEmpty();
            assertThat(lab.waitFor(PATIENCE)).isTrue();
            assertExactlyOnce(nb.results(), 40);
        }
    }

    private static void assertExactlyOnce(List<ResultsDict> rows, int n) {
        assertThat(rows).hasSize(n);
        Set<Long> seen = new HashSet<>();
        for (ResultsDict r : rows) {
            long a = (Long) r.parameters().get("a");
            assertThat(seen.add(a)).as("a = %d once", a).isTrue();
            assertThat(r.results().get("total")).isEqualTo(a);
        }
        assertThat(seen).hasSize(n);
    }
}
