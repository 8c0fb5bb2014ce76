package org.jepyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.dflib.DataFrame;
import org.junit.jupiter.api.Test;

/** ParallelLab: its cores, its results identical to Lab's, and experiments copied per thread. */
class ParallelLabTest {
    private static final int C = Runtime.getRuntime().availableProcessors();

    /** Sums its parameters (epyc's test experiment). */
    static final class Sum extends Experiment {
        private static final long serialVersionUID = 1L;

        @Override
        protected Map<String, ?> perform(Map<String, Object> p) {
            long total = 0;
            for (Object v : p.values()) {
                total += ((Number) v).longValue();
            }
            return Map.of("total", total);
        }
    }

    /** Keeps state in fields between setUp, perform and tearDown, as real experiments do. */
    static final class Stateful extends Experiment {
        private static final long serialVersionUID = 1L;
        private long base;
        private List<Long> trail = new ArrayList<>();

        @Override
        protected void setUp(Map<String, Object> p) {
            base = (Long) p.get("a") * 1000;
            trail = new ArrayList<>();
            trail.add(base);
        }

        @Override
        protected Map<String, ?> perform(Map<String, Object> p) {
            long b = (Long) p.get("b");
            trail.add(b);
            if (b == 3) {
                throw new IllegalStateException("b=3 fails at a=" + p.get("a"));
            }
            return Map.of("value", base + b, "trail", List.copyOf(trail), "half", (base + b) / 2.0);
        }

        @Override
        protected void tearDown() {
            base = -1;
            trail = null;
        }
    }

    @Test
    void defaultCoresIsEveryCoreAndZeroTheSame() {
        assertThat(new ParallelLab(new LabNotebook(), 0).numberOfCores()).isEqualTo(C);
    }

    @Test
    void positiveCoresAreCappedAtTheMachine() {
        for (int i = 1; i <= C + 1; i++) {
            assertThat(new ParallelLab(new LabNotebook(), i).numberOfCores()).isEqualTo(Math.min(i, C));
        }
    }

    @Test
    void negativeCoresLeaveThatManyFreeButNeverFewerThanOne() {
        for (int i = 1; i <= C - 2; i++) {
            assertThat(new ParallelLab(new LabNotebook(), -i).numberOfCores()).isEqualTo(C - i);
        }
        assertThat(new ParallelLab(new LabNotebook(), -(C + 1)).numberOfCores()).isEqualTo(1);
        assertThat(ParallelLab.coresFor(-1, 8)).isEqualTo(7);
        assertThat(ParallelLab.coresFor(-9, 8)).isEqualTo(1);
        assertThat(ParallelLab.coresFor(3, 8)).isEqualTo(3);
        assertThat(ParallelLab.coresFor(0, 8)).isEqualTo(8);
    }

    @Test
    void oneCoreRunsEveryPoint() {
        ParallelLab lab = new ParallelLab(new LabNotebook(), 1);
        lab.put("k", IntStream.range(0, 10));
        lab.runExperiment(new Sum());
        assertThat(totals(lab.dataframe())).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void everyCoreGivesTheSameTotals() {
        ParallelLab lab = new ParallelLab(new LabNotebook(), 0);
        lab.put("k", IntStream.range(0, 10));
        lab.runExperiment(new Sum());
        assertThat(totals(lab.dataframe())).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    /** Adds a parameter in setUp. */
    static final class AddsInSetUp extends Experiment {
        private static final long serialVersionUID = 1L;

        @Override
        protected void setUp(Map<String, Object> p) {
            p.put("additional", 10L);
        }

        @Override
        protected Map<String, ?> perform(Map<String, Object> p) {
            return Map.of("total", (Long) p.get("k") + (Long) p.get("additional"));
        }
    }

    /** Holds a field that cannot be serialised. */
    static final class HoldsObject extends Experiment {
        private static final long serialVersionUID = 1L;
        private final Object field = new Object();

        @Override
        protected Map<String, ?> perform(Map<String, Object> p) {
            return Map.of("x", field.hashCode());
        }
    }

    @Test
    void parametersAddedInSetUpComeBackFromTheWorkers() {
        Experiment e = new AddsInSetUp();
        ParallelLab lab = new ParallelLab(new LabNotebook(), 0);
        lab.put("k", IntStream.range(0, 10));
        lab.runExperiment(e);
        List<ResultsDict> rs = lab.results();
        assertThat(rs).hasSize(10).allSatisfy(r -> assertThat(r.parameters()).containsEntry("additional", 10L));
        assertThat(rs.stream().map(r -> r.results().get("total")))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(10, 20).mapToObj(i -> (Object) (long) i).toList());
    }

    @Test
    void statefulExperimentGivesExactlyWhatLabGives() {
        Lab seq = new Lab(new LabNotebook());
        ParallelLab par = new ParallelLab(new LabNotebook(), 0);
        for (Lab lab : List.of(seq, par)) {
            lab.put("a", IntStream.range(0, 30)).put("b", IntStream.range(0, 6));
            lab.runExperiment(new Stateful());
        }
        assertThat(comparable(par.results())).isEqualTo(comparable(seq.results()));
        assertThat(seq.results()).hasSize(180);
        assertThat(par.results().stream().filter(r -> !r.success())).hasSize(30);
    }

    @Test
    void wrappedStatefulExperimentGivesExactlyWhatLabGives() {
        Lab seq = new Lab(new LabNotebook());
        ParallelLab par = new ParallelLab(new LabNotebook(), 2);
        for (Lab lab : List.of(seq, par)) {
            lab.put("a", IntStream.range(0, 12)).put("b", List.of(1, 2, 3, 4));
            lab.runExperiment(new SummaryExperiment(new RepeatedExperiment(new Stateful(), 5), List.of("value", "half")));
        }
        assertThat(comparable(par.results())).isEqualTo(comparable(seq.results()));
        assertThat(par.results()).allSatisfy(r -> assertThat(r.metadata())
                .containsEntry(SummaryExperiment.UNDERLYING_RESULTS, 5L));
    }

    @Test
    void repeatedExperimentRowsAllArrive() {
        Lab seq = new Lab(new LabNotebook());
        ParallelLab par = new ParallelLab(new LabNotebook(), 0);
        for (Lab lab : List.of(seq, par)) {
            lab.put("a", IntStream.range(0, 7)).put("b", List.of(1, 2));
            lab.runExperiment(new RepeatedExperiment(new Stateful(), 4));
        }
        assertThat(par.results()).hasSize(56);
        assertThat(comparable(par.results())).isEqualTo(comparable(seq.results()));
    }

    @Test
    void anExceptionInOneExperimentIsItsRowAndTheOthersRun() {
        ParallelLab lab = new ParallelLab(new LabNotebook(), 0);
        lab.put("a", IntStream.range(0, 20)).put("b", List.of(2, 3));
        lab.runExperiment(new Stateful());
        DataFrame all = lab.notebook().dataframe(false);
        assertThat(all.height()).isEqualTo(40);
        List<ResultsDict> failed = lab.results().stream().filter(r -> !r.success()).toList();
        assertThat(failed).hasSize(20).allSatisfy(r -> {
            assertThat((String) r.metadata().get(Experiment.EXCEPTION)).startsWith("b=3 fails at a=");
            assertThat((String) r.metadata().get(Experiment.TRACEBACK)).contains("IllegalStateException");
        });
    }

    @Test
    void anEmptyDesignDoesNothing() {
        ParallelLab lab = new ParallelLab(new LabNotebook(), 0);
        lab.runExperiment(new Sum());
        assertThat(lab.notebook().numberOfResults()).isZero();
    }

    @Test
    void aDesignArgumentIsHonoured() {      // epyc's ParallelLab ignores its design argument
        ParallelLab lab = new ParallelLab(new LabNotebook(), 0, new PointwiseDesign());
        lab.put("a", List.of(1, 2, 3)).put("b", List.of(10, 20, 30));
        lab.runExperiment(new Sum());
        assertThat(totals(lab.dataframe())).containsExactlyInAnyOrder(11L, 22L, 33L);
        assertThat(lab.design()).isInstanceOf(PointwiseDesign.class);
    }

    @Test
    void resultsEnterTheNotebookInTheDesignsOrder() {
        ParallelLab lab = new ParallelLab(new LabNotebook(), 0, new PointwiseDesign());
        lab.put("k", IntStream.range(0, 200));
        lab.runExperiment(new Sum());
        assertThat(totals(lab.dataframe())).isEqualTo(IntStream.range(0, 200).mapToObj(i -> (long) i).toList());
    }

    @Test
    void anUnserialisableExperimentIsRefusedWithAClearMessage() {
        Experiment e = new HoldsObject();
        ParallelLab lab = new ParallelLab(new LabNotebook(), 0);
        lab.put("k", List.of(1, 2));
        assertThatThrownBy(() -> lab.runExperiment(e)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object").hasMessageContaining("Serializable");
        assertThat(lab.notebook().numberOfResults()).isZero();
    }

    /** Throws an Error at one point, as an experiment running out of memory would. */
    static final class Exhausting extends Experiment {
        private static final long serialVersionUID = 1L;

        @Override
        protected Map<String, ?> perform(Map<String, Object> p) throws InterruptedException {
            long k = (Long) p.get("k");
            if (k == 50) {
                throw new OutOfMemoryError("simulated at k=50");
            }
            Thread.sleep(2);
            return Map.of("k2", k * k);
        }
    }

    @Test
    void anErrorStopsTheRunAndKeepsTheRowsFinishedSoFar() {
        ParallelLab lab = new ParallelLab(new LabNotebook(), 2, new PointwiseDesign());
        lab.put("k", IntStream.range(0, 400));
        assertThatThrownBy(() -> lab.runExperiment(new Exhausting()))
                .isInstanceOf(OutOfMemoryError.class).hasMessageContaining("k=50");
        int rows = lab.notebook().numberOfResults();
        assertThat(rows).isGreaterThanOrEqualTo(50).isLessThan(400);
        assertThat(lab.results()).allSatisfy(r -> assertThat(r.results().get("k2"))
                .isEqualTo((Long) r.parameters().get("k") * (Long) r.parameters().get("k")));
    }

    /** Sleeps, so a run can be interrupted half-way. */
    static final class Slow extends Experiment {
        private static final long serialVersionUID = 1L;

        @Override
        protected Map<String, ?> perform(Map<String, Object> p) throws InterruptedException {
            Thread.sleep(5);
            return Map.of("k", p.get("k"));
        }
    }

    @Test
    void anInterruptStopsTheRunCleanlyWithTheFinishedRowsKept() throws Exception {
        ParallelLab lab = new ParallelLab(new LabNotebook(), 2);
        lab.put("k", IntStream.range(0, 2000));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        // the listener runs on the lab's thread: the list must be safe to read from this one
        List<Progress> seen = new CopyOnWriteArrayList<>();
        CountDownLatch twenty = new CountDownLatch(20);
        lab.withProgress(new ProgressListener() {
            @Override
            public void progress(Progress p) {
                seen.add(p);
                twenty.countDown();
            }

            @Override
            public void finished(Progress p) {
                seen.add(p);
            }
        });
        Thread runner = new Thread(() -> {
            try {
                lab.runExperiment(new Slow());
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        runner.start();
        assertThat(twenty.await(60, TimeUnit.SECONDS)).as("20 points done within a minute").isTrue();
        runner.interrupt();
        runner.join(10_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
        int rows = lab.notebook().numberOfResults();
        assertThat(rows).isGreaterThanOrEqualTo(20).isLessThan(2000);
        assertThat(seen.get(seen.size() - 1).done()).isEqualTo(rows);
        assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName))
                .noneMatch(n -> n.startsWith("jepyc-worker"));
    }

    @Test
    void progressIsReportedForEveryPointWithEstimates() {
        ParallelLab lab = new ParallelLab(new LabNotebook(), 0);
        lab.put("a", IntStream.range(0, 25)).put("b", List.of(1, 3));
        List<Progress> seen = new ArrayList<>();
        int[] started = {-1};
        lab.withProgress(new ProgressListener() {
            @Override
            public void started(int total) {
                started[0] = total;
            }

            @Override
            public void progress(Progress p) {
                seen.add(p);
            }
        });
        lab.runExperiment(new Stateful());
        assertThat(started[0]).isEqualTo(50);
        assertThat(seen).hasSize(50);
        assertThat(seen).extracting(Progress::done).isSorted();
        Progress last = seen.get(49);
        assertThat(last.done()).isEqualTo(50);
        assertThat(last.failed()).isEqualTo(25);
        assertThat(last.total()).isEqualTo(50);
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(seen.get(0).remaining()).isPresent();
    }

    private static List<Object> totals(DataFrame df) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < df.height(); i++) {
            out.add(df.getColumn("total").get(i));
        }
        return out;
    }

    /** Parameters, results, status and exception of each row, sorted by parameters: what must not differ. */
    private static List<String> comparable(List<ResultsDict> rows) {
        return rows.stream().map(r -> {
            Map<String, Object> m = new HashMap<>();
            m.put("status", r.metadata().get(Experiment.STATUS));
            m.put("exception", r.metadata().get(Experiment.EXCEPTION));
            m.put("rep", r.metadata().get(RepeatedExperiment.I));
            return new java.util.TreeMap<>(r.parameters()) + " " + new java.util.TreeMap<>(r.results()) + " "
                    + new java.util.TreeMap<>(m);
        }).sorted(Comparator.naturalOrder()).collect(Collectors.toList());
    }
}
