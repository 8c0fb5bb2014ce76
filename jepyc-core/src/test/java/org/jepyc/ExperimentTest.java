package org.jepyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;
import static org.jepyc.Fixtures.map;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Port of epyc's test_experiments.py, plus the run protocol (setUp, perform, tearDown, timings) and bare nested results. */
class ExperimentTest {

    /** Records the phases it finished (through a report override), optionally failing in one. */
    static class Phased extends Experiment {
        private static final long serialVersionUID = 1L;
        final List<String> phases = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        final Set<String> failIn;
        final long sleepMillis;

        Phased(long sleepMillis, String... failIn) {
            this.sleepMillis = sleepMillis;
            this.failIn = Set.of(failIn);
        }

        private void phase(String name) throws InterruptedException {
            calls.add(name);
            if (sleepMillis > 0) {
                Thread.sleep(sleepMillis);
            }
            if (failIn.contains(name)) {
                throw new IllegalStateException("failure in " + name);
            }
            phases.add(name);
        }

        @Override
        protected void setUp(Map<String, Object> parameters) throws Exception {
            phase("setup");
        }

        @Override
        protected Map<String, ?> perform(Map<String, Object> parameters) throws Exception {
            phase("do");
            return map("result", parameters.get("a"));
        }

        @Override
        protected void tearDown() throws Exception {
            phase("teardown");
        }

        @Override
        protected ResultsDict report(Map<String, Object> parameters, Map<String, Object> metadata,
                                     Map<String, ?> results, List<ResultsDict> runs) {
            Map<String, Object> md = new java.util.LinkedHashMap<>(metadata);
            md.put("phases", List.copyOf(phases));
            return super.report(parameters, md, results, runs);
        }
    }

    @Test
    void experimentReturningNothingStillSucceeds() {
        Experiment e = new Experiment() {
            @Override
            protected Map<String, ?> perform(Map<String, Object> parameters) {
                return null;
            }
        };
        ResultsDict rc = e.set(map()).run();
        assertThat(rc.metadata().get(Experiment.STATUS)).isEqualTo(true);
        assertThat(rc.results()).isEmpty();
    }

    @Test
    void runCallsSetUpPerformAndTearDownOnceEachInOrder() {
        Phased e = new Phased(0);
        e.set(map("a", 1)).run();
        assertThat(e.calls).containsExactly("setup", "do", "teardown");
    }

    @Test
    void reportOverrideCanAddMetadata() {
        ResultsDict rc = new Phased(0).set(map("a", 1)).run();
        assertThat(rc.metadata().get("phases")).isEqualTo(List.of("setup", "do", "teardown"));
    }

    @Test
    void parametersGivenToSetComeBackUnchanged() {
        Map<String, Object> params = map("a", 1, "b", 2.5, "c", "three");
        ResultsDict rc = new Fixtures.Sum().set(params).run();
        assertThat(rc.parameters()).isEqualTo(params);
    }

    @Test
    void resultsOfPerformComeBackUnderResults() {
        ResultsDict rc = new Fixtures.Sum().set(map("a", 1, "b", 2)).run();
        assertThat(rc.results()).isEqualTo(map("total", 3L));
    }

    // 20 ms sleeps instead of epyc's 1 s
    @Test
    void endTimeIsAfterStartTime() {
        ResultsDict rc = new Phased(20).set(map("a", 1)).run();
        LocalDateTime start = (LocalDateTime) rc.metadata().get(Experiment.START_TIME);
        LocalDateTime end = (LocalDateTime) rc.metadata().get(Experiment.END_TIME);
        assertThat(end).isAfter(start);
    }

    @Test
    void everyPhaseTimeIsPositive() {
        Map<String, Object> md = new Phased(20).set(map("a", 1)).run().metadata();
        for (String k : List.of(Experiment.ELAPSED_TIME, Experiment.SETUP_TIME, Experiment.EXPERIMENT_TIME,
                Experiment.TEARDOWN_TIME)) {
            assertThat((Double) md.get(k)).as(k).isPositive();
        }
    }

    @Test
    void elapsedTimeIsTheSumOfThePhasesToThreeDecimals() {
        Map<String, Object> md = new Phased(20).set(map("a", 1)).run().metadata();
        double sum = (Double) md.get(Experiment.SETUP_TIME) + (Double) md.get(Experiment.EXPERIMENT_TIME)
                + (Double) md.get(Experiment.TEARDOWN_TIME);
        assertThat((Double) md.get(Experiment.ELAPSED_TIME)).isCloseTo(sum, within(0.0005));
    }

    // timestamps are LocalDateTime at microsecond precision, durations Double seconds
    @Test
    void timingMetadataHasTimestampAndDoubleTypes() {
        Map<String, Object> md = new Phased(0).set(map("a", 1)).run().metadata();
        for (String k : List.of(Experiment.START_TIME, Experiment.END_TIME)) {
            assertThat(md.get(k)).as(k).isInstanceOf(LocalDateTime.class);
            assertThat(((LocalDateTime) md.get(k)).getNano() % 1000).as(k + " sub-microsecond part").isZero();
        }
        for (String k : List.of(Experiment.ELAPSED_TIME, Experiment.SETUP_TIME, Experiment.EXPERIMENT_TIME,
                Experiment.TEARDOWN_TIME)) {
            assertThat(md.get(k)).as(k).isInstanceOf(Double.class);
        }
        assertThat(md.get(Experiment.EXPERIMENT)).isEqualTo(Phased.class.getName());
    }

    @Test
    void failureInPerformStillRunsTearDown() {
        Phased e = new Phased(0, "do");
        ResultsDict rc = e.set(map("a", 1)).run();
        assertThat(rc.metadata().get(Experiment.STATUS)).isEqualTo(false);
        assertThat(rc.metadata().get("phases")).isEqualTo(List.of("setup", "teardown"));
    }

    @Test
    void failureInSetUpSkipsPerformAndTearDown() {
        Phased e = new Phased(0, "setup");
        ResultsDict rc = e.set(map("a", 1)).run();
        assertThat(rc.metadata().get(Experiment.STATUS)).isEqualTo(false);
        assertThat(rc.metadata().get("phases")).isEqualTo(List.of());
        assertThat(e.calls).containsExactly("setup");
    }

    @Test
    void failureInTearDownIsNotRetried() {
        Phased e = new Phased(0, "teardown");
        ResultsDict rc = e.set(map("a", 1)).run();
        assertThat(rc.metadata().get(Experiment.STATUS)).isEqualTo(false);
        assertThat(rc.metadata().get("phases")).isEqualTo(List.of("setup", "do"));
        assertThat(e.calls).containsExactly("setup", "do", "teardown");
    }

    @Test
    void successMatchesTheReturnedStatus() {
        Experiment e = new Fixtures.Sum();
        ResultsDict rc = e.set(map("a", 1)).run();
        assertThat(e.success()).isEqualTo(rc.metadata().get(Experiment.STATUS)).isTrue();
    }

    // before any run neither success() nor failed() holds
    @Test
    void neverRunExperimentIsNeitherSuccessfulNorFailed() {
        Experiment e = new Fixtures.Sum();
        assertThat(e.success()).isFalse();
        assertThat(e.failed()).isFalse();
        assertThat(e.parameters()).isEmpty();
        assertThat(e.metadata()).isEmpty();
    }

    @Test
    void getReturnsAnExperimentalResult() {
        Experiment e = new Phased(0);
        e.set(map("a", 42)).run();
        assertThat(e.get("result")).isEqualTo(42);
    }

    // a missing result name is a NoSuchElementException naming it
    @Test
    void getOfAMissingResultThrowsNoSuchElementNamingIt() {
        Experiment e = new Phased(0);
        e.set(map("a", 42)).run();
        assertThatThrownBy(() -> e.get("nonesuch")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("nonesuch");
    }

    /** Returns two complete results dicts from one run. */
    static class TwoRuns extends Experiment {
        private static final long serialVersionUID = 1L;

        @Override
        protected List<ResultsDict> performSeveral(Map<String, Object> parameters) {
            List<ResultsDict> out = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                out.add(new ResultsDict(parameters, map(Experiment.STATUS, true),
                        map("c", parameters.get("c"), "i", i)));
            }
            return out;
        }

        @Override
        protected Map<String, ?> perform(Map<String, Object> parameters) {
            throw new AssertionError("not called");
        }
    }

    @Test
    void severalResultsComeBackAsOneDictHoldingTheList() {
        ResultsDict rc = new TwoRuns().set(map("c", 7)).run();
        assertThat(rc.success()).isTrue();
        assertThat(rc.nested()).hasSize(2);
    }

    @Test
    void eachOfSeveralResultsCarriesItsOwnResults() {
        ResultsDict rc = new TwoRuns().set(map("c", 7)).run();
        assertThat(rc.nested()).allSatisfy(r -> assertThat(r.results().get("c")).isEqualTo(7));
    }

    /** Returns bare results dicts: no parameters, no metadata. */
    static class BareRuns extends Experiment {
        private static final long serialVersionUID = 1L;

        @Override
        protected List<ResultsDict> performSeveral(Map<String, Object> parameters) {
            return List.of(new ResultsDict(null, null, map("v", 1)), new ResultsDict(null, null, map("v", 2)));
        }

        @Override
        protected Map<String, ?> perform(Map<String, Object> parameters) {
            throw new AssertionError("not called");
        }
    }

    // bare inner dicts are completed from the outer run,
    // so they carry the point and a status, and a notebook can store them
    @Test
    void severalBareResultsAreCompletedFromTheRunAndCanBeStored() {
        ResultsDict rc = new BareRuns().set(map("a", 3)).run();
        assertThat(rc.nested()).hasSize(2).allSatisfy(r -> {
            assertThat(r.parameters()).isEqualTo(map("a", 3));
            assertThat(r.success()).isTrue();
        });
        LabNotebook nb = new LabNotebook();
        nb.addResult(rc);
        assertThat(nb.numberOfResults()).isEqualTo(2);
        assertThat(nb.results()).extracting(r -> r.results().get("v")).containsExactly(1L, 2L);
    }

    @Test
    void tearDownFailureMakesTheRunFailed() {
        Experiment e = new Phased(0, "teardown");
        ResultsDict rc = e.set(map("a", 1)).run();
        assertThat(rc.metadata().get(Experiment.STATUS)).isEqualTo(false);
        assertThat(e.success()).isFalse();
        assertThat(e.failed()).isTrue();
    }

    @Test
    void fatalRunRethrowsTheExperimentsException() {
        Experiment e = new Phased(0, "do");
        Throwable t = catchThrowable(() -> e.set(map("a", 1)).run(true));
        assertThat(t).isInstanceOf(IllegalStateException.class).hasMessage("failure in do");
        assertThat(e.failed()).isTrue();
        assertThat(e.metadata().get(Experiment.EXCEPTION)).isSameAs(t);
    }

    // run(true) wraps a checked exception, keeping the original as the cause
    @Test
    void fatalRunWrapsCheckedExceptionsWithTheOriginalAsCause() {
        IOException io = new IOException("disk on fire");
        Experiment e = new Experiment() {
            @Override
            protected void setUp(Map<String, Object> parameters) throws Exception {
                throw io;
            }

            @Override
            protected Map<String, ?> perform(Map<String, Object> parameters) {
                return map();
            }
        };
        Throwable t = catchThrowable(() -> e.set(map()).run(true));
        assertThat(t).isInstanceOf(RuntimeException.class).hasCause(io);
        assertThat(t.getCause()).isSameAs(io);
    }

    @Test
    void tearDownExceptionAfterAFailedPerformIsSwallowed() {
        Phased e = new Phased(0, "do", "teardown");
        ResultsDict rc = e.set(map("a", 1)).run();
        assertThat(e.success()).isFalse();
        assertThat(((Throwable) rc.metadata().get(Experiment.EXCEPTION))).hasMessage("failure in do");
        assertThat(e.calls).containsExactly("setup", "do", "teardown");
    }

    // an assertion failing in the cleanup tearDown is swallowed
    // too (run() treats AssertionError as a failure of the experiment)
    @Test
    void assertionErrorInCleanupTearDownIsSwallowed() {
        Experiment e = new Experiment() {
            @Override
            protected Map<String, ?> perform(Map<String, Object> parameters) {
                throw new IllegalStateException("do failed");
            }

            @Override
            protected void tearDown() {
                throw new AssertionError("teardown check failed");
            }
        };
        ResultsDict rc = e.set(map()).run();
        assertThat(rc.success()).isFalse();
        assertThat((Throwable) rc.metadata().get(Experiment.EXCEPTION)).hasMessage("do failed");
    }

    @Test
    void resultsAfterARunHoldTheGivenParametersMetadataAndResults() {
        Experiment e = new Fixtures.Sum();
        ResultsDict run = e.set(map("a", 1, "b", 2)).run();
        ResultsDict rc = e.results();
        assertThat(rc.parameters().keySet()).containsExactlyInAnyOrder("a", "b");
        assertThat(rc.metadata()).isEqualTo(run.metadata());
        assertThat(rc.results()).isEqualTo(map("total", 3L));
    }

    // consequences: which metadata keys a successful run records
    @Test
    void successfulRunRecordsTimingAndStatusButNoException() {
        Map<String, Object> md = new Fixtures.Sum().set(map("a", 1)).run().metadata();
        assertThat(md).containsOnlyKeys(Experiment.EXPERIMENT, Experiment.START_TIME, Experiment.SETUP_TIME,
                Experiment.EXPERIMENT_TIME, Experiment.TEARDOWN_TIME, Experiment.END_TIME,
                Experiment.ELAPSED_TIME, Experiment.STATUS);
    }

    /** Fails in the phase it is told, recording nothing else (no report override). */
    static class FailsIn extends Experiment {
        private static final long serialVersionUID = 1L;
        private final String phase;

        FailsIn(String phase) { this.phase = phase; }

        @Override
        protected void setUp(Map<String, Object> parameters) {
            if (phase.equals("setup")) throw new IllegalStateException("setup failed");
        }

        @Override
        protected Map<String, ?> perform(Map<String, Object> parameters) {
            if (phase.equals("do")) throw new IllegalStateException("do failed");
            return map("r", 1);
        }

        @Override
        protected void tearDown() {
            if (phase.equals("teardown")) throw new IllegalStateException("teardown failed");
        }
    }

    // consequences: failure in setUp records no phase times and zero elapsed time
    @Test
    void failureInSetUpRecordsNoPhaseTimes() {
        Map<String, Object> md = new FailsIn("setup").set(map()).run().metadata();
        assertThat(md).containsOnlyKeys(Experiment.EXPERIMENT, Experiment.START_TIME, Experiment.ELAPSED_TIME,
                Experiment.END_TIME, Experiment.STATUS, Experiment.EXCEPTION, Experiment.TRACEBACK);
        assertThat(md.get(Experiment.ELAPSED_TIME)).isEqualTo(0.0);
    }

    // consequences: failure in perform records the set-up time only, and no results
    @Test
    void failureInPerformRecordsSetUpTimeAndNoResults() {
        Experiment e = new FailsIn("do");
        ResultsDict rc = e.set(map()).run();
        assertThat(rc.metadata()).containsKey(Experiment.SETUP_TIME)
                .doesNotContainKeys(Experiment.EXPERIMENT_TIME, Experiment.TEARDOWN_TIME);
        assertThat(rc.metadata().get(Experiment.ELAPSED_TIME)).isEqualTo(rc.metadata().get(Experiment.SETUP_TIME));
        assertThat(rc.results()).isEmpty();
    }

    // consequences: failure in tearDown keeps the results perform returned
    @Test
    void failureInTearDownKeepsTheResultsOfPerform() {
        ResultsDict rc = new FailsIn("teardown").set(map()).run();
        assertThat(rc.metadata()).containsKeys(Experiment.SETUP_TIME, Experiment.EXPERIMENT_TIME)
                .doesNotContainKey(Experiment.TEARDOWN_TIME);
        assertThat(rc.results()).isEqualTo(map("r", 1));
        assertThat(rc.success()).isFalse();
    }

    // in memory the exception is the Throwable; the traceback names its class and message
    @Test
    void failureRecordsTheExceptionAndATracebackNamingIt() {
        ResultsDict rc = new FailsIn("do").set(map()).run();
        assertThat(rc.metadata().get(Experiment.EXCEPTION)).isInstanceOf(IllegalStateException.class);
        assertThat((String) rc.metadata().get(Experiment.TRACEBACK))
                .contains("java.lang.IllegalStateException").contains("do failed");
    }

    /** Logs its configuration calls. */
    static class Configured extends Fixtures.Sum {
        private static final long serialVersionUID = 1L;
        final List<String> log = new ArrayList<>();

        @Override
        protected void configure(Map<String, Object> parameters) {
            log.add("configure");
            super.configure(parameters);
        }

        @Override
        protected void deconfigure() {
            log.add("deconfigure");
            super.deconfigure();
        }
    }

    // as epyc: set() deconfigures, even the first time, then configures, and chains
    @Test
    void setDeconfiguresThenConfiguresEveryTimeAndChains() {
        Configured e = new Configured();
        assertThat(e.set(map("a", 1))).isSameAs(e);
        e.set(map("a", 2));
        assertThat(e.log).containsExactly("deconfigure", "configure", "deconfigure", "configure");
        assertThat(e.parameters()).isEqualTo(map("a", 2));
    }

    // the lambda form runs the function as perform
    @Test
    void lambdaFormRunsTheFunction() {
        Experiment e = Experiment.of(p -> Map.of("double", 2 * ((Number) p.get("a")).longValue()));
        ResultsDict rc = e.set(map("a", 21)).run();
        assertThat(rc.success()).isTrue();
        assertThat(e.get("double")).isEqualTo(42L);
    }

    // a lambda experiment survives serialisation (parallel labs copy experiments)
    @Test
    void lambdaFormIsSerialisable() throws Exception {
        Experiment e = Experiment.of(p -> Map.of("neg", -((Number) p.get("a")).longValue()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        Experiment copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Experiment) in.readObject();
        }
        copy.set(map("a", 5)).run();
        assertThat(copy.get("neg")).isEqualTo(-5L);
    }
}
