package org.jepyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.jepyc.Fixtures.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Port of epyc's test_summaryexperiments.py, plus jepyc's {@code _stddev} and
 * {@code _ci95}. Expected statistics are computed here from their definitions, over the
 * values the experiments report having generated.
 */
class SummaryExperimentTest {
    private static final double EPS = 1e-9;

    /** Returns a random value, remembering it; fails about half the time if told to. */
    static class Random01 extends Experiment {
        private static final long serialVersionUID = 1L;
        final List<Double> generated = new ArrayList<>();
        private final Random random = new Random(1234);
        private final boolean failSometimes;
        int failures;

        Random01(boolean failSometimes) { this.failSometimes = failSometimes; }

        @Override
        protected Map<String, ?> perform(Map<String, Object> parameters) {
            if (failSometimes && random.nextBoolean()) {
                failures++;
                throw new IllegalStateException("unlucky");
            }
            double v = random.nextDouble();
            generated.add(v);
            return map("result", v, "dummy", 1);
        }
    }

    /** Returns fixed values in turn, as {@code result}. */
    static class Values extends Experiment {
        private static final long serialVersionUID = 1L;
        private final List<?> values;
        private int i;

        Values(List<?> values) { this.values = values; }

        @Override
        protected Map<String, ?> perform(Map<String, Object> parameters) {
            return map("result", values.get(i++ % values.size()));
        }
    }

    private static double mean(List<Double> xs) {
        double s = 0;
        for (double x : xs) s += x;
        return s / xs.size();
    }

    private static double populationVariance(List<Double> xs) {
        double m = mean(xs);
        double s = 0;
        for (double x : xs) s += (x - m) * (x - m);
        return s / xs.size();
    }

    private static double sampleStddev(List<Double> xs) {
        return Math.sqrt(populationVariance(xs) * xs.size() / (xs.size() - 1));
    }

    private static ResultsDict summarise(Experiment underlying, int n, Object x) {
        return new SummaryExperiment(new RepeatedExperiment(underlying, n)).set(map("x", x)).run();
    }

    @Test
    void summaryOfTenRepetitionsIsOneSuccessfulResult() {
        Lab lab = new Lab();
        lab.put("x", 5);
        lab.runExperiment(new SummaryExperiment(new RepeatedExperiment(new Fixtures.Echo(), 10)));
        List<ResultsDict> rs = lab.results();
        assertThat(rs).hasSize(1);
        assertThat(rs.get(0).success()).isTrue();
        assertThat(rs.get(0).metadata().get(SummaryExperiment.UNDERLYING_RESULTS)).isEqualTo(10L);
    }

    // the summary carries the underlying point
    @Test
    void summaryOfConstantResultsHasTheValueAsMeanAndZeroVariance() {
        Lab lab = new Lab();
        lab.put("x", List.of(5, 10, 15));
        lab.runExperiment(new SummaryExperiment(new RepeatedExperiment(new Fixtures.Echo(), 10)));
        List<ResultsDict> rs = lab.results();
        assertThat(rs).hasSize(3).allSatisfy(r -> {
            assertThat(r.success()).isTrue();
            assertThat(r.parameters().get("x")).isIn(5L, 10L, 15L);
            assertThat(r.metadata().get(SummaryExperiment.UNDERLYING_RESULTS)).isEqualTo(10L);
            assertThat((Double) r.results().get("result_mean"))
                    .isCloseTo(((Long) r.parameters().get("x")).doubleValue(), within(EPS));
            assertThat((Double) r.results().get("result_variance")).isCloseTo(0.0, within(EPS));
        });
    }

    @Test
    void meanAndVarianceAreThoseOfTheGeneratedValues() {
        Random01 e = new Random01(false);
        ResultsDict rc = summarise(e, 10, 1);
        assertThat(e.generated).hasSize(10);
        assertThat((Double) rc.results().get("result_mean")).isCloseTo(mean(e.generated), within(EPS));
        assertThat((Double) rc.results().get("result_variance"))
                .isCloseTo(populationVariance(e.generated), within(EPS));
    }

    // epyc's five statistics, plus jepyc's _stddev and _ci95
    @Test
    void selectedResultGetsExactlyItsSummaryKeys() {
        ResultsDict rc = new SummaryExperiment(new RepeatedExperiment(new Random01(false), 10), List.of("dummy"))
                .set(map("x", 1)).run();
        assertThat(rc.results()).containsOnlyKeys("dummy_mean", "dummy_median", "dummy_variance", "dummy_min",
                "dummy_max", "dummy_stddev", "dummy_ci95");
    }

    @Test
    void selectedConstantResultSummarisesToOneOneZeroOneOne() {
        Map<String, Object> r = new SummaryExperiment(new RepeatedExperiment(new Random01(false), 10),
                List.of("dummy")).set(map("x", 1)).run().results();
        assertThat((Double) r.get("dummy_mean")).isEqualTo(1.0);
        assertThat((Double) r.get("dummy_median")).isEqualTo(1.0);
        assertThat((Double) r.get("dummy_variance")).isEqualTo(0.0);
        assertThat(r.get("dummy_min")).isEqualTo(1L);
        assertThat(r.get("dummy_max")).isEqualTo(1L);
        assertThat((Double) r.get("dummy_stddev")).isEqualTo(0.0);
        assertThat((Double) r.get("dummy_ci95")).isEqualTo(0.0);
    }

    @Test
    void failedRunsAreLeftOutOfTheSummary() {
        Random01 e = new Random01(true);
        ResultsDict rc = summarise(e, 10, 1);
        assertThat(e.failures).isBetween(1, 9);
        assertThat(rc.success()).isTrue();
        assertThat(rc.metadata().get(SummaryExperiment.UNDERLYING_RESULTS)).isEqualTo(10L);
        assertThat(rc.metadata().get(SummaryExperiment.UNDERLYING_SUCCESSFUL_RESULTS))
                .isEqualTo((long) e.generated.size()).isEqualTo(10L - e.failures);
        assertThat((Double) rc.results().get("result_mean")).isCloseTo(mean(e.generated), within(EPS));
        assertThat((Double) rc.results().get("result_variance"))
                .isCloseTo(populationVariance(e.generated), within(EPS));
    }

    @Test
    void summaryOfASingleRunCountsOneRepetition() {
        Lab lab = new Lab();
        lab.put("x", 3);
        lab.runExperiment(new SummaryExperiment(new Fixtures.Echo()));
        List<ResultsDict> rs = lab.results();
        assertThat(rs).hasSize(1);
        assertThat(rs.get(0).metadata().get(SummaryExperiment.UNDERLYING_RESULTS)).isEqualTo(1L);
        assertThat(rs.get(0).metadata().get(SummaryExperiment.UNDERLYING_SUCCESSFUL_RESULTS)).isEqualTo(1L);
    }

    /** Sum that also returns a list. */
    static class SumWithList extends Fixtures.Sum {
        private static final long serialVersionUID = 1L;

        @Override
        protected Map<String, ?> perform(Map<String, Object> parameters) {
            Map<String, Object> r = new java.util.LinkedHashMap<>(super.perform(parameters));
            r.put("nestedArray", List.of(1, 2, 3));
            r.put("nestedDict", Map.of("a", 1));
            return r;
        }
    }

    // in-memory part (the JSON round trip belongs to the JSON notebook's tests):
    // a map-valued result is not summarised, so the summary is storable
    @Test
    void summaryOfSelectedResultsAmongUnstorableOnesCanBeStored() {
        Lab lab = new Lab();
        lab.put("a", IntStream.range(0, 3)).put("b", 1);
        lab.runExperiment(new SummaryExperiment(new RepeatedExperiment(new SumWithList(), 3),
                List.of("total", "nestedArray")));
        assertThat(lab.results()).hasSize(3).allSatisfy(r -> {
            assertThat(r.results()).containsKeys("total_mean", "nestedArray_mean").doesNotContainKey("nestedDict_mean");
            assertThat((Double) r.results().get("nestedArray_mean")).isCloseTo(2.0, within(EPS));
        });
    }

    /** Takes a string parameter and returns a string result next to a number. */
    static class Texty extends Experiment {
        private static final long serialVersionUID = 1L;

        @Override
        protected Map<String, ?> perform(Map<String, Object> parameters) {
            return map("text", "hello " + parameters.get("name"), "n", 1);
        }
    }

    @Test
    void nonNumericResultsAreSkippedWithoutFailing() {
        Lab lab = new Lab();
        lab.put("name", "world");
        lab.runExperiment(new SummaryExperiment(new RepeatedExperiment(new Texty(), 3), List.of("text", "n", "nonesuch")));
        List<ResultsDict> rs = lab.results();
        assertThat(rs).hasSize(1);
        assertThat(rs.get(0).success()).isTrue();
        assertThat(rs.get(0).results().keySet()).allSatisfy(k -> assertThat(k).startsWith("n_"));
        assertThat(rs.get(0).results()).containsKey("n_mean");
    }

    @Test
    void labWithNoParametersRunsNothing() {
        Lab lab = new Lab();
        lab.runExperiment(new SummaryExperiment(new RepeatedExperiment(new Fixtures.Echo(), 3)));
        assertThat(lab.results()).isEmpty();
    }

    @Test
    void minAndMaxAreThoseOfTheGeneratedValues() {
        Random01 e = new Random01(false);
        ResultsDict rc = summarise(e, 10, 1);
        assertThat(rc.results().get("result_min")).isEqualTo(e.generated.stream().min(Double::compare).orElseThrow());
        assertThat(rc.results().get("result_max")).isEqualTo(e.generated.stream().max(Double::compare).orElseThrow());
        assertThat(rc.metadata().get(SummaryExperiment.UNDERLYING_SUCCESSFUL_RESULTS)).isEqualTo(10L);
    }

    // the median is the middle value, or the mean of the two middle values
    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(summarise(new Values(List.of(7, 1, 4)), 3, 0).results().get("result_median")).isEqualTo(4.0);
        assertThat(summarise(new Values(List.of(7, 1, 4, 2)), 4, 0).results().get("result_median")).isEqualTo(3.0);
    }

    // _stddev is the sample standard deviation, _ci95 its Student-t half-width; t(0.975, 4)
    // = 2.776445105 is the published table value
    @Test
    void stddevAndCi95OfFiveValuesFollowTheirDefinitions() {
        List<Double> xs = List.of(2.0, 4.0, 4.0, 5.0, 9.0);
        Map<String, Object> r = summarise(new Values(xs), 5, 0).results();
        double sd = sampleStddev(xs);
        assertThat((Double) r.get("result_stddev")).isCloseTo(sd, within(1e-12));
        assertThat((Double) r.get("result_ci95")).isCloseTo(2.776445105 * sd / Math.sqrt(5), within(1e-8));
    }

    // the same with ten values; t(0.975, 9) = 2.262157163 (published table value)
    @Test
    void ci95OfTenValuesUsesNineDegreesOfFreedom() {
        Random01 e = new Random01(false);
        Map<String, Object> r = summarise(e, 10, 1).results();
        double sd = sampleStddev(e.generated);
        assertThat((Double) r.get("result_stddev")).isCloseTo(sd, within(1e-12));
        assertThat((Double) r.get("result_ci95")).isCloseTo(2.262157163 * sd / Math.sqrt(10), within(1e-8));
    }

    // edge case: _stddev and _ci95 of a single value are NaN
    @Test
    void stddevAndCi95OfASingleValueAreNaN() {
        Map<String, Object> r = new SummaryExperiment(new Values(List.of(3.5))).set(map()).run().results();
        assertThat((Double) r.get("result_mean")).isEqualTo(3.5);
        assertThat((Double) r.get("result_stddev")).isNaN();
        assertThat((Double) r.get("result_ci95")).isNaN();
    }

    // list-valued results are pooled: three runs of [1,2,3] give mean 2, median 2, variance 2/3,
    // min 1 (an integer stays an integer) and max 3
    @Test
    void listValuedResultsArePooled() {
        Map<String, Object> r = summarise(new Values(List.of(List.of(1, 2, 3))), 3, 0).results();
        assertThat((Double) r.get("result_mean")).isCloseTo(2.0, within(EPS));
        assertThat((Double) r.get("result_median")).isCloseTo(2.0, within(EPS));
        assertThat((Double) r.get("result_variance")).isCloseTo(2.0 / 3.0, within(EPS));
        assertThat(r.get("result_min")).isEqualTo(1L);
        assertThat(r.get("result_max")).isEqualTo(3L);
    }

    // summaries over zero successful runs give no results, and the summary still succeeds
    @Test
    void summaryOfOnlyFailuresHasNoResults() {
        Experiment alwaysFails = Experiment.of(p -> {
            throw new IllegalStateException("never");
        });
        ResultsDict rc = new SummaryExperiment(new RepeatedExperiment(alwaysFails, 4)).set(map()).run();
        assertThat(rc.success()).isTrue();
        assertThat(rc.results()).isEmpty();
        assertThat(rc.metadata().get(SummaryExperiment.UNDERLYING_RESULTS)).isEqualTo(4L);
        assertThat(rc.metadata().get(SummaryExperiment.UNDERLYING_SUCCESSFUL_RESULTS)).isEqualTo(0L);
    }

    // nested repetitions are flattened to any depth before summarising
    @Test
    void summaryFlattensNestedRepetitions() {
        ResultsDict rc = new SummaryExperiment(new RepeatedExperiment(new RepeatedExperiment(new Fixtures.Echo(), 2), 3))
                .set(map("x", 6)).run();
        assertThat(rc.metadata().get(SummaryExperiment.UNDERLYING_RESULTS)).isEqualTo(6L);
        assertThat((Double) rc.results().get("result_mean")).isEqualTo(6.0);
        assertThat(rc.parameters()).isEqualTo(map("x", 6));
    }
}
