package org.jepyc;

import org.jepyc.fixtures.SystemTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jepyc.campaign.PointHash;
import org.jepyc.campaign.Provenance;
import org.jepyc.json.JsonLabNotebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reproducible, resumable campaigns (issue 8: seeds, resume, plan, provenance). */
class CampaignTest {

    /** A noisy measurement: its results come only from the run's random generator. */
    static final class Noisy extends Experiment {
        private static final long serialVersionUID = 1L;
        static final AtomicInteger RUNS = new AtomicInteger();
        static volatile boolean failing = true;

        @Override
        protected Map<String, ?> perform(Map<String, Object> p) throws InterruptedException {
            RUNS.incrementAndGet();
            long sleep = p.containsKey("sleep") ? (Long) p.get("sleep") : 0;
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
            if (failing && p.containsKey("failAt") && p.get("x").equals(p.get("failAt"))) {
                throw new IllegalStateException("fails at x=" + p.get("x"));
            }
            return Map.of("noise", random().nextGaussian(), "draw", random().nextLong());
        }
    }

    private static List<String> rows(List<ResultsDict> rs) {
        return rs.stream().map(r -> new TreeMap<>(r.parameters()) + " rep=" + r.metadata().get(RepeatedExperiment.I)
                + " " + new TreeMap<>(r.results())).sorted().collect(Collectors.toList());
    }

    @Test
    void theSameSeededCampaignGivesIdenticalResultsOnEveryLab() {
        Lab seq = new Lab(new LabNotebook()).withSeed(2026);
        Lab par = new ParallelLab(new LabNotebook(), 2).withSeed(2026);
        for (Lab lab : List.of(seq, par)) {
            lab.put("x", IntStream.range(0, 40)).put("y", List.of("a", "b"));
            lab.runExperiment(new RepeatedExperiment(new Noisy(), 3));
        }
        assertThat(seq.results()).hasSize(240);
        assertThat(rows(par.results())).isEqualTo(rows(seq.results()));
    }

    @Test
    void everyRunRecordsItsSeedAndPointAndRepetitionsDiffer() {
        Lab lab = new Lab(new LabNotebook()).withSeed(7);
        lab.put("x", List.of(1, 2));
        lab.runExperiment(new RepeatedExperiment(new Noisy(), 4));
        List<ResultsDict> rs = lab.results();
        assertThat(rs).allSatisfy(r -> {
            assertThat(r.metadata().get(Experiment.SEED)).isInstanceOf(Long.class);
            assertThat(r.metadata().get(Experiment.POINT))
                    .isEqualTo(PointHash.hex(PointHash.of(Map.of("x", r.parameters().get("x")))));
        });
        assertThat(rs.stream().map(r -> r.metadata().get(Experiment.SEED)).distinct()).hasSize(8);
        assertThat(rs.stream().map(r -> r.results().get("draw")).distinct()).hasSize(8);
    }

    @Test
    void onePointRerunAloneReproducesItsRow() {
        Lab campaign = new ParallelLab(new LabNotebook(), 0).withSeed(99);
        campaign.put("x", IntStream.range(0, 25)).put("y", List.of(0.5, 1.5));
        campaign.runExperiment(new RepeatedExperiment(new Noisy(), 2));
        ResultsDict target = campaign.results().get(17);

        Lab alone = new Lab(new LabNotebook()).withSeed(99);
        alone.put("x", target.parameters().get("x")).put("y", target.parameters().get("y"));
        alone.runExperiment(new RepeatedExperiment(new Noisy(), 2));
        ResultsDict again = alone.results().stream()
                .filter(r -> r.metadata().get(RepeatedExperiment.I).equals(target.metadata().get(RepeatedExperiment.I)))
                .findFirst().orElseThrow();
        assertThat(again.results()).isEqualTo(target.results());
        assertThat(again.metadata().get(Experiment.SEED)).isEqualTo(target.metadata().get(Experiment.SEED));
    }

    @Test
    void differentRootSeedsGiveDifferentResultsAndUnseededRunsStillRecordTheirSeed() {
        Lab a = new Lab(new LabNotebook()).withSeed(1);
        Lab b = new Lab(new LabNotebook()).withSeed(2);
        Lab unseeded = new Lab(new LabNotebook());
        for (Lab lab : List.of(a, b, unseeded)) {
            lab.put("x", List.of(1, 2, 3));
            lab.runExperiment(new Noisy());
        }
        assertThat(rows(a.results())).isNotEqualTo(rows(b.results()));
        assertThat(unseeded.results()).allSatisfy(r -> {
            assertThat(r.metadata()).containsKey(Experiment.SEED).doesNotContainKey(Experiment.POINT);
        });
    }

    @Test
    void anExperimentASeededLabRanIsUnseededInALabThatAsksForNoSeed() {
        Experiment e = new Noisy();
        Lab seeded = new Lab().withSeed(42);
        seeded.put("x", List.of(1, 2, 3));
        seeded.runExperiment(e);
        Lab plain = new Lab();
        plain.put("x", List.of(1, 2, 3));
        plain.runExperiment(e);
        Lab again = new Lab();
        again.put("x", List.of(1, 2, 3));
        again.runExperiment(e);
        assertThat(plain.notebook().current().attributeNames()).doesNotContain(Lab.CAMPAIGN_SEED);
        // unseeded runs draw fresh seeds, so no run repeats the seed-42 runs or each other
        List<Object> seeds42 = seeded.dataframe().getColumn(Experiment.SEED).toList();
        List<Object> seedsPlain = plain.dataframe().getColumn(Experiment.SEED).toList();
        List<Object> seedsAgain = again.dataframe().getColumn(Experiment.SEED).toList();
        assertThat(seedsPlain).doesNotContainAnyElementsOf(seeds42).doesNotContainAnyElementsOf(seedsAgain);
    }

    @Test
    void resumeSkipsSuccessfulPointsAndRerunsFailedOnes() {
        LabNotebook nb = new LabNotebook();
        Lab first = new Lab(nb).withSeed(5);
        first.put("x", IntStream.range(0, 10)).put("failAt", 3);
        first.runExperiment(new Noisy());
        assertThat(nb.current().numberOfResults()).isEqualTo(10);

        Noisy.RUNS.set(0);
        Noisy.failing = false;      // whatever made x = 3 fail has been fixed
        Lab second = new Lab(nb).withSeed(5).withResume(Resume.RERUN_FAILED);
        second.put("x", IntStream.range(0, 12)).put("failAt", 3);
        assertThat(second.plan(null)).isEqualTo(new Plan(12, 9, 1, 0, 2, second.plan(null).remaining()));
        second.runExperiment(new Noisy());
        assertThat(Noisy.RUNS.get()).isEqualTo(3);          // x = 3 again, plus 10 and 11
        Plan after = second.plan(null);
        assertThat(after.done()).isEqualTo(12);
        assertThat(after.left()).isZero();

        Noisy.RUNS.set(0);
        new Lab(nb).withResume(Resume.SKIP_FAILED).put("x", IntStream.range(0, 12)).put("failAt", 3)
                .runExperiment(new Noisy());
        assertThat(Noisy.RUNS.get()).isZero();
        Noisy.failing = true;
    }

    @Test
    void resumeIgnoresParametersTheExperimentAddsWhileRunning() {
        LabNotebook nb = new LabNotebook();
        Experiment adds = new ParallelLabTest.AddsInSetUp();
        new Lab(nb).put("k", IntStream.range(0, 5)).runExperiment(adds);
        Lab again = new Lab(nb).withResume(Resume.RERUN_FAILED);
        again.put("k", IntStream.range(0, 5));
        assertThat(again.plan(adds).done()).isEqualTo(5);
        again.runExperiment(adds);
        assertThat(nb.current().numberOfResults()).isEqualTo(5);
    }

    @Test
    void planCountsPendingJobsAndEstimatesFromRecordedTimes() {
        LabNotebook nb = new LabNotebook();
        ParallelLab lab = new ParallelLab(nb, 2);
        lab.put("x", IntStream.range(0, 4)).put("sleep", 20);
        lab.runExperiment(new Noisy());
        nb.addPendingResult(Map.of("x", 4L, "sleep", 20L), "job-4");
        lab.put("x", IntStream.range(0, 10));
        Plan plan = lab.plan(null);
        assertThat(plan.total()).isEqualTo(10);
        assertThat(plan.done()).isEqualTo(4);
        assertThat(plan.pending()).isEqualTo(1);
        assertThat(plan.left()).isEqualTo(5);
        // 5 points of at least 20 ms on 2 cores
        assertThat(plan.remaining()).hasValueSatisfying(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofMillis(50)));
        assertThat(plan.toString()).contains("4 done", "1 pending", "5 left");
    }

    @Test
    void aRunRecordsItsProvenanceOnTheResultSet() throws Exception {
        Lab lab = new Lab(new LabNotebook()).withSeed(11);
        lab.put("x", List.of(1));
        lab.runExperiment(new SummaryExperiment(new RepeatedExperiment(new Noisy(), 2)));
        ResultSet rs = lab.notebook().current();
        String p = Provenance.PREFIX;
        assertThat(rs.getAttribute(p + "experiment")).isEqualTo(SummaryExperiment.class.getName() + "("
                + RepeatedExperiment.class.getName() + "(" + Noisy.class.getName() + "))");
        assertThat((String) rs.getAttribute(p + "java")).startsWith(System.getProperty("java.version"));
        assertThat((String) rs.getAttribute(p + "jepyc_version")).isNotBlank().doesNotContain("${");
        assertThat((String) rs.getAttribute(p + "host")).isNotBlank();
        assertThat((String) rs.getAttribute(p + "code_sha256")).matches("[0-9a-f]{64}");
        assertThat(rs.getAttribute(Lab.CAMPAIGN_POINTS)).isEqualTo(1L);
        assertThat(rs.getAttribute(Lab.CAMPAIGN_SEED)).isEqualTo(11L);
        Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
        String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (git.waitFor() == 0) {
            assertThat(rs.getAttribute(p + "git_commit")).isEqualTo(head);
            assertThat(rs.getAttribute(p + "git_dirty")).isIn("true", "false");
        }
    }

    /** Runs a campaign into a JSON notebook, committing often, until it is killed. */
    public static final class ResumeChild {
        public static void main(String[] args) {
            try (JsonLabNotebook nb = new JsonLabNotebook(Path.of(args[0]))) {
                ParallelLab lab = new ParallelLab(nb, 2);
                lab.withSeed(3).withResume(Resume.RERUN_FAILED).withCommitInterval(Duration.ofMillis(50));
                lab.put("x", IntStream.range(0, Integer.parseInt(args[1]))).put("sleep", 10);
                lab.withProgress(p -> {
                    if (p.done() % 20 == 0) {
                        System.out.println("done " + p.done());
                        System.out.flush();
                    }
                });
                lab.runExperiment(new Noisy());
            }
        }
    }

    @Test
    @SystemTest
    void aKilledParallelCampaignResumesWhereItStopped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("campaign.json");
        int points = 300;
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ResumeChild.class.getName(), file.toString(),
                Integer.toString(points)).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("done 100")) {
                // wait until a third of the campaign is in
            }
        }
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        int before;
        try (JsonLabNotebook nb = new JsonLabNotebook(file)) {
            before = nb.current().numberOfResults();
            assertThat(before).isGreaterThanOrEqualTo(50).isLessThan(points);
            Noisy.RUNS.set(0);
            ParallelLab lab = new ParallelLab(nb, 2);
            lab.withSeed(3).withResume(Resume.RERUN_FAILED);
            lab.put("x", IntStream.range(0, points)).put("sleep", 10);
            lab.runExperiment(new Noisy());
            assertThat(Noisy.RUNS.get()).isEqualTo(points - before);
        }
        try (JsonLabNotebook nb = JsonLabNotebook.openReadOnly(file)) {
            List<ResultsDict> rs = nb.results();
            assertThat(rs).hasSize(points);
            Map<Object, Long> perPoint = rs.stream().collect(Collectors.groupingBy(r -> r.parameters().get("x"),
                    HashMap::new, Collectors.counting()));
            assertThat(perPoint).hasSize(points).allSatisfy((x, n) -> assertThat(n).isEqualTo(1L));
        }
    }

    @Test
    void pointHashesAreStableAcrossMapOrderAndIntegerTypes() {
        Map<String, Object> a = new java.util.LinkedHashMap<>();
        a.put("b", 2.5);
        a.put("a", 1);
        Map<String, Object> b = new java.util.LinkedHashMap<>();
        b.put("a", 1L);
        b.put("b", 2.5);
        assertThat(PointHash.of(a)).isEqualTo(PointHash.of(b));
        assertThat(PointHash.of(Map.of("a", 1L))).isNotEqualTo(PointHash.of(Map.of("a", 1.0)));
        assertThat(PointHash.of(Map.of("a", "1"))).isNotEqualTo(PointHash.of(Map.of("a", 1L)));
        assertThat(PointHash.of(Map.of("a", List.of(1, 2)))).isNotEqualTo(PointHash.of(Map.of("a", List.of(2, 1))));
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(PointHash.of(Map.of("x", (long) i)));
        }
        assertThat(seen).doesNotHaveDuplicates();
    }
}
