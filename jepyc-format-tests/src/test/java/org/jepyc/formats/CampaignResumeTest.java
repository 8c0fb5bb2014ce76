package org.jepyc.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jepyc.Experiment;
import org.jepyc.LabNotebook;
import org.jepyc.ParallelLab;
import org.jepyc.Resume;
import org.jepyc.ResultsDict;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jepyc.fixtures.SystemTest;

/** A campaign killed mid-run resumes where its last commit left it, in every format: each point lands once. */
class CampaignResumeTest {

    /** A noisy measurement: its results come only from the run's random generator. */
    static final class Noisy extends Experiment {
        private static final long serialVersionUID = 1L;
        static final AtomicInteger RUNS = new AtomicInteger();

        @Override
        protected Map<String, ?> perform(Map<String, Object> p) throws InterruptedException {
            RUNS.incrementAndGet();
            Thread.sleep((Long) p.get("sleep"));
            return Map.of("noise", random().nextGaussian(), "draw", random().nextLong());
        }
    }

    /** Runs a campaign into a notebook, committing often, until it is killed; says when 100 points are committed. */
    public static final class ResumeChild {
        public static void main(String[] args) {
            try (LabNotebook nb = LabNotebook.open(Path.of(args[0]))) {
                ParallelLab lab = new ParallelLab(nb, 2);
                lab.withSeed(3).withResume(Resume.RERUN_FAILED).withCommitInterval(Duration.ofMillis(50));
                lab.put("x", IntStream.range(0, Integer.parseInt(args[1]))).put("sleep", 10);
                lab.withProgress(p -> {
                    // the listener runs on the thread that files results, so it may commit
                    if (p.done() == 100) {
                        nb.commit();
                        System.out.println("committed 100");
                        System.out.flush();
                    }
                });
                lab.runExperiment(new Noisy());
            }
        }
    }

    static Iterable<String> formats() {
        return Notebooks.extensions();
    }

    @SystemTest
    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aKilledParallelCampaignResumesWhereItStopped(String ext, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("campaign." + ext);
        int points = 300;
        Process child = Notebooks.java(dir, ResumeChild.class, file.toString(), Integer.toString(points));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("committed 100")) {
                // wait until a third of the campaign is in the file
            }
        }
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        int before;
        try (LabNotebook nb = LabNotebook.open(file)) {
            before = nb.current().numberOfResults();
            assertThat(before).isGreaterThanOrEqualTo(100).isLessThan(points);
            Noisy.RUNS.set(0);
            ParallelLab lab = new ParallelLab(nb, 2);
            lab.withSeed(3).withResume(Resume.RERUN_FAILED);
            lab.put("x", IntStream.range(0, points)).put("sleep", 10);
            lab.runExperiment(new Noisy());
            assertThat(Noisy.RUNS.get()).isEqualTo(points - before);
        }
        try (LabNotebook nb = LabNotebook.openReadOnly(file)) {
            List<ResultsDict> rs = nb.results();
            assertThat(rs).hasSize(points);
            Map<Object, Long> perPoint = rs.stream().collect(Collectors.groupingBy(r -> r.parameters().get("x"),
                    HashMap::new, Collectors.counting()));
            assertThat(perPoint).hasSize(points).allSatisfy((x, n) -> assertThat(n).isEqualTo(1L));
        }
    }
}
