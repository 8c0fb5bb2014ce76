package org.jepyc.cluster;

import org.jepyc.fixtures.SystemTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.jepyc.Experiment;
import org.jepyc.ExperimentalConfiguration;
import org.jepyc.FactorialDesign;
import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.jepyc.ResultsDict;
import org.jepyc.cluster.admin.ClusterUnavailableException;
import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.client.BatchBuilder;
import org.jepyc.cluster.client.JobClient;
import org.jepyc.cluster.protocol.Signer;
import org.jepyc.cluster.testexp.Fails;
import org.jepyc.cluster.testexp.Marker;
import org.jepyc.cluster.testexp.Sum;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Port of epyc's test_clusterlabs.py and more, against one shared 2-worker cluster in separate JVMs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SystemTest
class ClusterLabTest {
    private static final int N = 20;
    /** How long a test waits for the cluster before it fails: a guard against a hang, not a speed target. */
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    @TempDir
    Path tmp;
    private LocalCluster cluster;
    private final List<ClusterLab> labs = new ArrayList<>();

    @BeforeAll
    void startCluster() throws Exception {
        cluster = LocalCluster.start(Files.createTempDirectory("jepyc-cluster-test"), 2);
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void closeLabs() {
        labs.forEach(ClusterLab::close);
        labs.clear();
    }

    private ClusterLab lab(LabNotebook nb) {
        return lab(nb, ClusterOptions.defaults().withWaitingTime(Duration.ofSeconds(1)));
    }

    private ClusterLab lab(LabNotebook nb, ClusterOptions o) {
        ClusterLab lab = new ClusterLab(nb, cluster.connection, new FactorialDesign(), o);
        labs.add(lab);
        return lab;
    }

    @Test // 193
    void emptyLab() {
        ClusterLab lab = lab(new LabNotebook());
        assertThat(lab.notebook().readyFraction()).isEqualTo(1.0);
        assertThat(lab.dataframe().height()).isZero();
        assertThat(lab.numberOfEngines()).isEqualTo(2);
    }

    @Test // 194
    void runsEveryPoint() throws Exception {
        ClusterLab lab = lab(new LabNotebook());
        lab.put("a", IntStream.range(0, N));
        lab.runExperiment(new Sum());
        assertThat(lab.notebook().numberOfPendingResults()).isEqualTo(N);
        long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
        while (!lab.ready() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(lab.ready()).isTrue();
        List<ResultsDict> rs = lab.results();
        assertThat(rs).hasSize(N);
        for (ResultsDict r : rs) {
            long a = (Long) r.parameters().get("a");
            assertThat(a).isBetween(0L, (long) N - 1);
            assertThat(r.results().get("total")).isEqualTo(a);
        }
    }

    @Test // issue 3's progress listener, on the cluster: told as results are collected
    void progressIsReportedAsResultsAreCollected() {
        ClusterLab lab = lab(new LabNotebook());
        List<org.jepyc.Progress> seen = new ArrayList<>();
        int[] total = {-1};
        boolean[] finished = {false};
        lab.withProgress(new org.jepyc.ProgressListener() {
            @Override
            public void started(int t) {
                total[0] = t;
            }

            @Override
            public void progress(org.jepyc.Progress p) {
                seen.add(p);
            }

            @Override
            public void finished(org.jepyc.Progress p) {
                finished[0] = true;
            }
        });
        lab.put("a", IntStream.range(0, N));
        lab.runExperiment(new Sum());
        assertThat(total[0]).isEqualTo(N);
        assertThat(lab.waitFor(PATIENCE)).isTrue();
        assertThat(seen).hasSize(N);
        assertThat(seen.get(N - 1).done()).isEqualTo(N);
        assertThat(seen).extracting(org.jepyc.Progress::done).isSorted();
        assertThat(finished[0]).isTrue();
    }

    @Test // 195
    void waitThenReady() {
        ClusterLab lab = lab(new LabNotebook());
        lab.put("a", IntStream.range(0, N));
        lab.runExperiment(new Sum());
        assertThat(lab.waitFor(Duration.ofSeconds(-1))).isTrue();
        assertThat(lab.ready()).isTrue();
    }

    @Test // 196
    void waitTimesOut() {
        ClusterLab lab = lab(new LabNotebook(), ClusterOptions.defaults().withWaitingTime(Duration.ofSeconds(1)));
        lab.put("a", IntStream.range(0, N));
        lab.put("ms", 300);
        lab.runExperiment(new Sum());
        assertThat(lab.waitFor(Duration.ofMillis(700))).isFalse();
        assertThat(lab.ready()).isFalse();
        assertThat(lab.waitFor()).isTrue();
        assertThat(lab.ready()).isTrue();
    }

    @Test // 197
    void readyFractionNeverDecreases() throws Exception {
        ClusterLab lab = lab(new LabNotebook());
        lab.put("a", IntStream.range(0, N));
        lab.put("ms", 50);
        lab.runExperiment(new Sum());
        double last = 0;
        long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
        while (System.currentTimeMillis() < deadline) {
            double f = lab.readyFraction();
            assertThat(f).isGreaterThanOrEqualTo(last);
            last = f;
            if (f == 1.0) {
                break;
            }
            Thread.sleep(20);
        }
        assertThat(last).isEqualTo(1.0);
        assertThat(lab.notebook().numberOfPendingResults()).isZero();
        assertThat(lab.results()).hasSize(N).allSatisfy(r ->
                assertThat(r.results().get("total")).isEqualTo(r.parameters().get("a")));
    }

    @Test // 198
    void waitWithNothingPending() {
        ClusterLab lab = lab(new LabNotebook());
        assertThat(lab.waitFor()).isTrue();
        lab.put("a", IntStream.range(0, 4));
        lab.runExperiment(new Sum());
        assertThat(lab.waitFor()).isTrue();
        assertThat(lab.waitFor()).isTrue();
    }

    @Test // 199
    void cancelOnePoint() {
        ClusterLab lab = lab(new LabNotebook());
        lab.put("a", IntStream.range(0, N));
        lab.put("ms", 100);
        lab.runExperiment(new Sum());
        List<String> jobs = lab.notebook().current().pendingResultsFor(Map.of("a", N / 2));
        assertThat(jobs).hasSize(1);
        jobs.forEach(lab.notebook()::cancelPendingResult);
        assertThat(lab.waitFor()).isTrue();
        assertThat(lab.notebook().numberOfResults()).isEqualTo(N);
        assertThat(lab.notebook().numberOfPendingResults()).isZero();
        ResultsDict r = lab.notebook().resultsFor(Map.of("a", N / 2)).get(0);
        assertThat(r.success()).isFalse();
        assertThat(r.metadata().get(Experiment.EXCEPTION)).isEqualTo("Cancelled");
    }

    @Test // 200
    void cancelEverything() {
        ClusterLab lab = lab(new LabNotebook());
        lab.put("a", IntStream.range(0, N));
        lab.put("ms", 100);
        lab.runExperiment(new Sum());
        lab.cancelPendingResults();
        assertThat(lab.waitFor()).isTrue();
        assertThat(lab.notebook().numberOfResults()).isEqualTo(N);
        assertThat(lab.notebook().numberOfPendingResults()).isZero();
        assertThat(lab.results()).allSatisfy(r -> assertThat(r.metadata().get(Experiment.EXCEPTION)).isEqualTo("Cancelled"));
    }

    @Test // 201
    void secondSubmissionWhileRunning() {
        ClusterLab lab = lab(new LabNotebook());
        lab.put("a", IntStream.range(0, N));
        lab.put("ms", 20);
        lab.runExperiment(new Sum());
        lab.runExperiment(new Sum());
        assertThat(lab.waitFor()).isTrue();
        assertThat(lab.notebook().numberOfResults()).isEqualTo(2 * N);
        assertThat(lab.notebook().numberOfPendingResults()).isZero();
    }

    @Test // 202 (with a new set 'mydata'; epyc uses an HDF5 notebook)
    void newResultSet() {
        LabNotebook nb = new LabNotebook();
        nb.addResultSet("mydata");
        ClusterLab lab = lab(nb);
        lab.put("a", IntStream.range(0, N));
        lab.runExperiment(new Sum());
        assertThat(lab.waitFor()).isTrue();
        nb.commit();
        assertThat(nb.resultSets()).hasSize(2);
        assertThat(nb.numberOfResults()).isEqualTo(N);
        assertThat(nb.numberOfPendingResults()).isZero();
    }

    @Test
    void failingExperimentGivesFailedRows() {
        ClusterLab lab = lab(new LabNotebook());
        lab.put("a", IntStream.range(0, 10));
        lab.runExperiment(new Fails());
        assertThat(lab.waitFor()).isTrue();
        List<ResultsDict> rs = lab.results();
        assertThat(rs).hasSize(10);
        for (ResultsDict r : rs) {
            long a = (Long) r.parameters().get("a");
            assertThat(r.success()).isEqualTo(a % 2 == 0);
            if (a % 2 == 1) {
                assertThat(r.metadata().get(Experiment.EXCEPTION)).isEqualTo("odd a " + a);
                assertThat((String) r.metadata().get(Experiment.TRACEBACK)).contains("IllegalStateException");
            }
        }
        assertThat(lab.dataframe().height()).isEqualTo(5);
    }

    @Test // unlike epyc, jobs of a set that is not current are collected, and finish never leaves wait hanging
    void collectsIntoTheOwningSet() {
        LabNotebook nb = new LabNotebook();
        nb.addResultSet("first");
        ClusterLab lab = lab(nb);
        lab.put("a", IntStream.range(0, N));
        lab.runExperiment(new Sum());
        nb.addResultSet("second");
        assertThat(nb.currentTag()).isEqualTo("second");
        assertThat(lab.waitFor()).isTrue();
        assertThat(nb.numberOfResults("first")).isEqualTo(N);
        assertThat(nb.numberOfResults("second")).isZero();
        assertThat(nb.currentTag()).isEqualTo("second");

        lab.put("ms", 200);
        lab.runExperiment(new Sum());
        nb.current().finish();
        assertThat(nb.numberOfAllPendingResults()).isZero();
        assertThat(lab.waitFor(PATIENCE)).isTrue();
    }

    @Test
    void updateResultsCountsWhatItCollected() throws Exception {
        ClusterLab lab = lab(new LabNotebook());
        lab.put("a", IntStream.range(0, N));
        lab.runExperiment(new Sum());
        int total = 0;
        long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
        while (total < N && System.currentTimeMillis() < deadline) {
            total += lab.updateResults(false);
            Thread.sleep(50);
        }
        assertThat(total).isEqualTo(N);
        assertThat(lab.updateResults(false)).isZero();
    }

    @Test // issue 8: the same seeded campaign gives identical results on every lab
    void aSeededCampaignGivesWhatLabGivesAndResumesOnTheCluster() {
        Lab local = new Lab(new LabNotebook()).withSeed(31);
        ClusterLab remote = lab(new LabNotebook());
        remote.withSeed(31);
        for (Lab l : List.of(local, remote)) {
            l.put("x", IntStream.range(0, 15)).put("y", List.of("a", "b"));
            l.runExperiment(new org.jepyc.RepeatedExperiment(new org.jepyc.cluster.testexp.Noisy(), 2));
        }
        assertThat(remote.waitFor(PATIENCE)).isTrue();
        java.util.function.Function<List<ResultsDict>, List<String>> rows = rs -> rs.stream()
                .map(r -> new java.util.TreeMap<>(r.parameters()) + " " + r.metadata().get(org.jepyc.RepeatedExperiment.I)
                        + " " + new java.util.TreeMap<>(r.results())).sorted().toList();
        assertThat(rows.apply(remote.results())).hasSize(60).isEqualTo(rows.apply(local.results()));

        remote.withResume(org.jepyc.Resume.RERUN_FAILED);
        remote.put("x", IntStream.range(0, 16));
        assertThat(remote.plan(null).left()).isEqualTo(2);
        remote.runExperiment(new org.jepyc.RepeatedExperiment(new org.jepyc.cluster.testexp.Noisy(), 2));
        assertThat(remote.notebook().numberOfPendingResults()).isEqualTo(2);
        assertThat(remote.waitFor(PATIENCE)).isTrue();
        assertThat(remote.results()).hasSize(64);
    }

    @Test // issue 12: a program's own classes (no jar holds them) reach workers started without them
    void experimentsNoJarHoldsAreShippedToTheWorkers() throws Exception {
        try (InMemoryProgram program = InMemoryProgram.compile(tmp, Map.of("Sweep.java", """
                import java.util.Map;
                import org.jepyc.Experiment;
                public class Sweep extends Experiment {
                    static long twice(long x) { return Helper.TWO * x; }
                    @Override
                    protected Map<String, ?> perform(Map<String, Object> p) {
                        return Map.of("y", twice((Long) p.get("x")));
                    }
                    public static Experiment lambda() {
                        return Experiment.of(p -> Map.of("z", twice((Long) p.get("x")) + 1));
                    }
                }
                class Helper { static final long TWO = Long.parseLong("2"); }
                """))) {
            ClusterLab lab = lab(new LabNotebook());
            lab.put("x", IntStream.range(0, 10));
            Experiment sweep = (Experiment) program.load("Sweep").getConstructor().newInstance();
            lab.runExperiment(new org.jepyc.SummaryExperiment(new org.jepyc.RepeatedExperiment(sweep, 3)));
            lab.notebook().addResultSet("lambda");
            lab.runExperiment((Experiment) program.call("Sweep", "lambda"));
            assertThat(lab.waitFor(Duration.ofSeconds(60))).isTrue();

            LabNotebook nb = lab.notebook();
            List<ResultsDict> summaries = nb.resultSet(LabNotebook.DEFAULT_RESULTSET).results();
            assertThat(summaries).hasSize(10).allSatisfy(r -> {
                assertThat(r.success()).as(String.valueOf(r.metadata())).isTrue();
                assertThat(((Number) r.results().get("y_mean")).doubleValue()).isEqualTo(2.0 * (Long) r.parameters().get("x"));
            });
            assertThat(nb.resultSet("lambda").results()).hasSize(10).allSatisfy(r ->
                    assertThat(r.results().get("z")).isEqualTo(2 * (Long) r.parameters().get("x") + 1));
            String bundle = nb.resultSet("lambda").getAttribute(ClusterLab.BUNDLE_ATTRIBUTE).toString();
            assertThat(bundle).hasSize(64);
            org.jepyc.cluster.protocol.CodeBundle stored = org.jepyc.cluster.protocol.CodeBundle.parse(
                    java.util.Base64.getDecoder().decode(nb.resultSet("lambda").getAttribute(ClusterLab.CODE_ATTRIBUTE).toString()));
            assertThat(stored.hash()).as("the notebook holds the code the workers ran").isEqualTo(bundle);
            assertThat(stored.classNames()).containsExactly("Helper", "Sweep");
        }
    }

    @Test // issue 12: `java Sweep.java` (the source launcher) submits its own classes too
    void aSourceLaunchedProgramSubmitsItsOwnClasses() throws Exception {
        Path src = tmp.resolve("Launched.java");
        Files.writeString(src, """
                import java.nio.file.Path;
                import java.util.Map;
                import java.util.stream.IntStream;
                import org.jepyc.*;
                import org.jepyc.cluster.ClusterLab;
                public class Launched extends Experiment {
                    @Override
                    protected Map<String, ?> perform(Map<String, Object> p) {
                        return Map.of("y", 3 * (Long) p.get("x"));
                    }
                    public static void main(String[] args) {
                        LabNotebook nb = new LabNotebook();
                        try (ClusterLab lab = new ClusterLab(nb, Path.of(args[0]))) {
                            lab.put("x", IntStream.range(0, 6));
                            lab.runExperiment(new SummaryExperiment(new RepeatedExperiment(new Launched(), 2)));
                            System.out.println("waited " + lab.waitFor(java.time.Duration.ofSeconds(60)));
                            System.out.println("sum " + nb.results().stream()
                                    .mapToDouble(r -> ((Number) r.results().get("y_mean")).doubleValue()).sum());
                        }
                    }
                }
                """);
        Path out = tmp.resolve("launched.out");
        Path err = tmp.resolve("launched.err");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), src.toString(), cluster.file().toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("the program finished").isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(out).lines()).containsExactly("waited true", "sum " + 3.0 * (0 + 1 + 2 + 3 + 4 + 5));
    }

    @Test
    void wrongSecretIsRefused() {
        ConnectionFile wrong = cluster.connection.withSecret(new byte[32]);
        ClusterOptions quick = ClusterOptions.defaults().withReconnections(1).withConnectTimeout(Duration.ofSeconds(2));
        assertThatThrownBy(() -> new ClusterLab(new LabNotebook(), wrong, new FactorialDesign(), quick))
                .isInstanceOf(ClusterUnavailableException.class);
    }

    @Test
    void wronglySignedTasksNeverRun() throws Exception {
        Path marks = Files.createDirectories(tmp.resolve("marks"));
        List<ExperimentalConfiguration> eps = new ArrayList<>();
        Marker m = new Marker(marks.toString());
        for (int a = 0; a < 6; a++) {
            eps.add(new ExperimentalConfiguration(m, Map.of("a", (long) a)));
        }
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        Set<String> ids = new HashSet<>();
        try (JobClient c = JobClient.connect(cluster.connection, Duration.ofSeconds(5), 0)) {
            var batches = new BatchBuilder(new Signer(otherKey)).build(eps, 2);
            batches.forEach(b -> ids.add(b.id()));
            c.submit(batches, 0);
            long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
            while (!c.inFlight(ids).isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(c.inFlight(ids)).isEmpty();
            assertThat(c.results(ids)).isEmpty();
        }
        try (var s = Files.list(marks)) {
            assertThat(s.toList()).isEmpty();
        }
        assertThat(cluster.logs()).contains("signed with another secret: refused");

        // the same tasks properly signed do run: the test would pass for the wrong reason otherwise
        LabNotebook nb = new LabNotebook();
        ClusterLab lab = lab(nb);
        lab.put("a", IntStream.range(0, 6));
        lab.runExperiment(m);
        assertThat(lab.waitFor()).isTrue();
        try (var s = Files.list(marks)) {
            assertThat(s.toList()).hasSize(6);
        }
    }

    @Test
    void entriesJepycDidNotWriteAreSkippedAndForgedResultsNeverReachANotebook() throws Exception {
        com.hazelcast.core.HazelcastInstance raw = com.hazelcast.client.HazelcastClient.newHazelcastClient(
                org.jepyc.cluster.protocol.HazelcastConfigs.client(cluster.connection, Duration.ofSeconds(5)));
        byte[] otherKey = new byte[32];
        otherKey[0] = 7;
        try (JobClient c = JobClient.connect(cluster.connection, Duration.ofSeconds(5), 0)) {
            raw.<String, String>getMap(org.jepyc.cluster.protocol.Names.STATE).put("jb-garbage", "not a state");
            raw.<String, byte[]>getMap(org.jepyc.cluster.protocol.Names.RESULTS).put("jb-forged",
                    org.jepyc.cluster.protocol.ResultEnvelope.results("jb-forged", 1, 0,
                            org.jepyc.cluster.protocol.PayloadCodec.write(new ArrayList<>(List.of(
                                    new ResultsDict(Map.of("a", 1L), Map.of(), Map.of("total", 99L))))))
                            .seal(new Signer(otherKey)));
            var status = c.status(new Signer(cluster.connection.secret()));
            assertThat(status.unreadable()).isEqualTo(2);
            assertThat(status.members()).hasSize(2);

            LabNotebook nb = new LabNotebook();
            nb.addPendingResult(Map.of("a", 1L), "jb-forged/0");
            ClusterLab lab = lab(nb);
            assertThat(lab.updateResults(false)).isZero();
            assertThat(nb.results()).isEmpty();
            assertThat(lab.lostJobs()).containsExactly("jb-forged/0");

            // the cluster still works around the bad entries
            LabNotebook other = new LabNotebook();
            ClusterLab works = lab(other);
            works.put("a", IntStream.range(0, 4));
            works.runExperiment(new Sum());
            assertThat(works.waitFor(PATIENCE)).isTrue();
            assertThat(other.results()).hasSize(4);
        } finally {
            raw.getMap(org.jepyc.cluster.protocol.Names.STATE).delete("jb-garbage");
            raw.getMap(org.jepyc.cluster.protocol.Names.RESULTS).delete("jb-forged");
            raw.shutdown();
        }
    }

    @Test
    void unreachableClusterFailsAfterBoundedRetries() throws Exception {
        ConnectionFile nowhere = ConnectionFile.fresh(List.of("127.0.0.1:" + org.jepyc.cluster.worker.WorkerMain.freePort("127.0.0.1")))
                .write(tmp.resolve("nowhere.json"));
        ClusterOptions quick = ClusterOptions.defaults().withReconnections(2).withConnectTimeout(Duration.ofSeconds(1));
        assertThatThrownBy(() -> new ClusterLab(new LabNotebook(), nowhere.path(), new FactorialDesign(), quick))
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessageContaining(nowhere.path().toString())
                .hasMessageContaining(nowhere.addresses().get(0))
                .hasMessageContaining("the cluster is stopped");      // a refused connection is an answer: no retries
    }
}
