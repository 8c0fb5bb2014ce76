package org.jepyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jepyc.Fixtures.column;
import static org.jepyc.Fixtures.map;
import static org.jepyc.Fixtures.range;

import java.util.List;
import java.util.Map;

import org.dflib.DataFrame;
import org.junit.jupiter.api.Test;

/** Port of epyc's test_repeatedexperiments.py, plus nested repetitions and failed repetitions. */
class RepeatedExperimentTest {

    /** Fails on every third call. */
    static class FailsEveryThird extends Experiment {
        private static final long serialVersionUID = 1L;
        private int calls;

        @Override
        protected Map<String, ?> perform(Map<String, Object> parameters) {
            if (calls++ % 3 == 2) {
                throw new IllegalStateException("third");
            }
            return map("result", parameters.get("x"));
        }
    }

    private static Lab runAt(Experiment e, Object xs) {
        Lab lab = new Lab();
        lab.put("x", xs);
        lab.runExperiment(e);
        return lab;
    }

    @Test
    void tenRepetitionsAtOnePointGiveTenRows() {
        RepeatedExperiment e = new RepeatedExperiment(new Fixtures.Echo(), 10);
        Lab lab = runAt(e, 5);
        assertThat(e.success()).isTrue();
        assertThat(lab.dataframe().height()).isEqualTo(10);
    }

    @Test
    void repetitionsCarryTheirIndexAndCount() {
        DataFrame df = runAt(new RepeatedExperiment(new Fixtures.Echo(), 10), 5).dataframe();
        assertThat(column(df, "result")).containsOnly(5L);
        assertThat(column(df, RepeatedExperiment.REPETITIONS)).containsOnly(10L);
        assertThat(column(df, RepeatedExperiment.I)).containsExactlyInAnyOrderElementsOf(range(0, 10));
    }

    @Test
    void tenRepetitionsAtThreePointsGiveTenRowsEach() {
        Lab lab = runAt(new RepeatedExperiment(new Fixtures.Echo(), 10), List.of(5, 10, 15));
        assertThat(lab.dataframe().height()).isEqualTo(30);
        ResultSet rs = lab.notebook().current();
        for (long x : new long[] {5, 10, 15}) {
            DataFrame df = rs.dataframeFor(map("x", x));
            assertThat(df.height()).as("rows at x=%d", x).isEqualTo(10);
            assertThat(column(df, "result")).containsOnly(x);
            assertThat(column(df, RepeatedExperiment.REPETITIONS)).containsOnly(10L);
            assertThat(column(df, RepeatedExperiment.I)).containsExactlyInAnyOrderElementsOf(range(0, 10));
        }
    }

    // repetitions() gives N; fewer than one repetition is refused
    @Test
    void repetitionsIsTheCountGiven() {
        assertThat(new RepeatedExperiment(new Fixtures.Echo(), 7).repetitions()).isEqualTo(7);
        assertThatThrownBy(() -> new RepeatedExperiment(new Fixtures.Echo(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    }

    // set() goes to the underlying experiment and returns the combinator, whose own run
    // reports the underlying point
    @Test
    void setReturnsTheCombinatorAndReportsTheUnderlyingPoint() {
        Fixtures.Echo inner = new Fixtures.Echo();
        RepeatedExperiment e = new RepeatedExperiment(inner, 2);
        assertThat(e.set(map("x", 3))).isSameAs(e);
        assertThat(e.experiment()).isSameAs(inner);
        assertThat(inner.parameters()).isEqualTo(map("x", 3));
        ResultsDict rc = e.run();
        assertThat(rc.parameters()).isEqualTo(map("x", 3));
        assertThat(rc.metadata().get(Experiment.EXPERIMENT)).isEqualTo(RepeatedExperiment.class.getName());
        assertThat(rc.nested()).hasSize(2);
    }

    // failed repetitions are kept as failed rows; the repetition itself succeeds
    @Test
    void failedRepetitionsAreKeptAsFailedRows() {
        RepeatedExperiment e = new RepeatedExperiment(new FailsEveryThird(), 9);
        Lab lab = runAt(e, 4);
        assertThat(e.success()).isTrue();
        assertThat(lab.dataframe(false).height()).isEqualTo(9);
        assertThat(lab.dataframe().height()).isEqualTo(6);
        assertThat(column(lab.dataframe(false), RepeatedExperiment.I)).containsExactlyInAnyOrderElementsOf(range(0, 9));
    }

    // unlike epyc: a repeat of a repeat is flattened to every underlying run when stored
    @Test
    void repeatOfARepeatStoresEveryRun() {
        Lab lab = runAt(new RepeatedExperiment(new RepeatedExperiment(new Fixtures.Echo(), 3), 4), 8);
        assertThat(lab.results()).hasSize(12).allSatisfy(r -> {
            assertThat(r.success()).isTrue();
            assertThat(r.results().get("result")).isEqualTo(8L);
            assertThat(r.parameters()).isEqualTo(map("x", 8L));
        });
    }
}
