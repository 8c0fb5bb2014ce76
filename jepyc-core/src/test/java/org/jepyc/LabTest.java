package org.jepyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jepyc.Fixtures.column;
import static org.jepyc.Fixtures.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.dflib.DataFrame;
import org.junit.jupiter.api.Test;

/** Port of epyc's test_labs.py, plus parameter ranges of every kind and bad input. */
class LabTest {

    /** Records the classes of the parameter values it is given. */
    static class SeesTypes extends Experiment {
        private static final long serialVersionUID = 1L;
        final Set<Class<?>> seen = new HashSet<>();

        @Override
        protected Map<String, ?> perform(Map<String, Object> parameters) {
            parameters.values().forEach(v -> seen.add(v.getClass()));
            return map("n", parameters.size());
        }
    }

    /** Fails at odd values of {@code a}. */
    static class FailsOnOdd extends Experiment {
        private static final long serialVersionUID = 1L;

        @Override
        protected Map<String, ?> perform(Map<String, Object> parameters) {
            long a = (Long) parameters.get("a");
            if (a % 2 == 1) {
                throw new IllegalArgumentException("odd " + a);
            }
            return map("total", a);
        }
    }

    @Test
    void newLabUsesAFactorialDesign() {
        assertThat(new Lab().design()).isInstanceOf(FactorialDesign.class);
    }

    // numpy.arange's analogue: an IntStream
    @Test
    void rangeFromAnIntStreamHoldsEveryValue() {
        Lab lab = new Lab();
        lab.put("a", IntStream.range(0, 100));
        assertThat(lab.get("a")).hasSize(100);
        for (long i = 0; i < 100; i++) {
            assertThat(lab.get("a")).contains(i);
        }
    }

    @Test
    void threeRangesAreEachStoredWithExactlyTheirValues() {
        Lab lab = new Lab();
        lab.put("a", IntStream.range(0, 5));
        lab.put("b", DoubleStream.iterate(0.0, d -> d + 0.25).limit(4));
        lab.put("c", LongStream.rangeClosed(10, 12));
        assertThat(lab.get("a")).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(lab.get("b")).containsExactly(0.0, 0.25, 0.5, 0.75);
        assertThat(lab.get("c")).containsExactly(10L, 11L, 12L);
    }

    // primitive arrays, streams, iterators, maps (their keys), strings (one value) and scalars
    @Test
    void putAcceptsEveryKindOfRange() {
        Lab lab = new Lab();
        lab.put("ints", new int[] {3, 1, 2});
        lab.put("doubles", new double[] {0.5, 1.5});
        lab.put("stream", Stream.of("x", "y"));
        lab.put("iterator", List.of(7, 8).iterator());
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("k1", 100);
        m.put("k2", 200);
        lab.put("map", m);
        lab.put("string", "not split");
        lab.put("scalar", 5);
        lab.put("floatScalar", 2.5f);
        assertThat(lab.get("ints")).containsExactly(3L, 1L, 2L);
        assertThat(lab.get("doubles")).containsExactly(0.5, 1.5);
        assertThat(lab.get("stream")).containsExactly("x", "y");
        assertThat(lab.get("iterator")).containsExactly(7L, 8L);
        assertThat(lab.get("map")).containsExactly("k1", "k2");
        assertThat(lab.get("string")).containsExactly("not split");
        assertThat(lab.get("scalar")).containsExactly(5L);
        assertThat(lab.get("floatScalar")).containsExactly(2.5);
    }

    // integers reach the experiment and the notebook as Long, floats as Double
    @Test
    void parameterValuesComeBackAsLongAndDouble() {
        Lab lab = new Lab();
        lab.put("i", new int[] {1, 2});
        lab.put("s", new short[] {3});
        lab.put("f", new float[] {0.5f});
        SeesTypes e = new SeesTypes();
        lab.runExperiment(e);
        assertThat(e.seen).containsExactlyInAnyOrder(Long.class, Double.class);
        DataFrame df = lab.dataframe();
        assertThat(column(df, "i")).containsExactlyInAnyOrder(1L, 2L);
        assertThat(column(df, "s")).containsExactly(3L, 3L);
        assertThat(column(df, "f")).containsExactly(0.5, 0.5);
    }

    @Test
    void oneDimensionalRunGivesOneResultPerValue() {
        Lab lab = new Lab();
        lab.put("a", IntStream.range(0, 100));
        lab.runExperiment(new Fixtures.Sum());
        List<ResultsDict> rs = lab.results();
        assertThat(rs).hasSize(100);
        assertThat(rs).allSatisfy(r -> {
            assertThat((Long) r.parameters().get("a")).isBetween(0L, 99L);
            assertThat(r.results().get("total")).isEqualTo(r.parameters().get("a"));
        });
    }

    @Test
    void twoDimensionalRunSumsBothParameters() {
        Lab lab = new Lab();
        lab.put("a", IntStream.range(0, 10));
        lab.put("b", IntStream.range(0, 10));
        lab.runExperiment(new Fixtures.Sum());
        List<ResultsDict> rs = lab.results();
        assertThat(rs).hasSize(100);
        assertThat(rs).allSatisfy(r -> assertThat(r.results().get("total"))
                .isEqualTo((Long) r.parameters().get("a") + (Long) r.parameters().get("b")));
    }

    @Test
    void synchronousRunLeavesTheLabReady() {
        Lab lab = new Lab();
        lab.put("a", IntStream.range(0, 10));
        lab.runExperiment(new Fixtures.Sum());
        assertThat(lab.ready()).isTrue();
        assertThat(lab.readyFraction()).isEqualTo(1.0);
    }

    @Test
    void scalarParameterActsAsOneValue() {
        Lab lab = new Lab();
        lab.put("a", IntStream.range(0, 100));
        lab.put("b", 0);
        lab.runExperiment(new Fixtures.Sum());
        assertThat(lab.results()).hasSize(100).allSatisfy(r -> assertThat(r.parameters().get("b")).isEqualTo(0L));
    }

    @Test
    void stringParameterIsNotSplitIntoCharacters() {
        Lab lab = new Lab();
        lab.put("x", "A string");
        lab.runExperiment(new Fixtures.Echo());
        List<ResultsDict> rs = lab.results();
        assertThat(rs).hasSize(1);
        assertThat(rs.get(0).results().get("result")).isEqualTo("A string");
    }

    @Test
    void containsReportsSetParametersAndDeleteRemovesOne() {
        Lab lab = new Lab();
        lab.put("a", 1).put("b", 2);
        assertThat(lab.contains("a")).isTrue();
        assertThat(lab.contains("b")).isTrue();
        lab.deleteParameter("a");
        assertThat(lab.contains("a")).isFalse();
        assertThat(lab.contains("b")).isTrue();
    }

    // an unknown name is quietly ignored by delete, and is a NoSuchElementException for get
    @Test
    void unknownParameterIsIgnoredByDeleteAndRefusedByGet() {
        Lab lab = new Lab();
        lab.put("a", 1);
        lab.deleteParameter("nonesuch");
        assertThat(lab.parameters()).containsExactly("a");
        assertThatThrownBy(() -> lab.get("nonesuch")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("nonesuch");
    }

    @Test
    void parametersListsNamesInTheOrderSet() {
        Lab lab = new Lab();
        assertThat(lab.parameters()).isEmpty();
        lab.put("a", 1).put("b", 2);
        assertThat(lab.parameters()).containsExactly("a", "b");
        lab.deleteParameter("a");
        assertThat(lab.parameters()).containsExactly("b");
        lab.deleteAllParameters();
        assertThat(lab.parameters()).isEmpty();
    }

    @Test
    void sizeUnderAFactorialDesignIsTheProductOfTheRanges() {
        Lab lab = new Lab();
        lab.put("a", IntStream.range(0, 10)).put("b", IntStream.range(0, 20));
        assertThat(lab.size()).isEqualTo(200);
    }

    @Test
    void sizeUnderAPointwiseDesignIsTheCommonLength() {
        Lab lab = new Lab(new LabNotebook(), new PointwiseDesign());
        lab.put("a", IntStream.range(0, 10)).put("b", IntStream.range(0, 10));
        assertThat(lab.size()).isEqualTo(10);
    }

    // the lab's data frame holds successful rows by default, results() every row
    @Test
    void labDataframeDefaultsToSuccessfulRows() {
        Lab lab = new Lab();
        lab.put("a", IntStream.range(0, 10));
        lab.runExperiment(new FailsOnOdd());
        assertThat(lab.dataframe().height()).isEqualTo(5);
        assertThat(lab.dataframe(false).height()).isEqualTo(10);
        assertThat(lab.results()).hasSize(10);
    }

    // unlike epyc: the lab's readyFraction(tag) reports the tagged set, not the current one
    @Test
    void labReadyFractionHonoursTheTag() {
        Lab lab = new Lab();
        LabNotebook nb = lab.notebook();
        nb.addResultSet("half");
        nb.addResult(Fixtures.success(map("a", 1), map("t", 1)));
        nb.addPendingResult(map("a", 2), "job");
        nb.select(LabNotebook.DEFAULT_RESULTSET);
        assertThat(lab.readyFraction()).isEqualTo(1.0);
        assertThat(lab.readyFraction("half")).isEqualTo(0.5);
        assertThat(lab.ready("half")).isFalse();
    }

    private static void fillWithSum(Lab l) {
        l.put("a", IntStream.range(0, 5));
        l.runExperiment(new Fixtures.Sum());
    }

    @Test
    void createWithMakesADescribedCurrentUnlockedSet() {
        Lab lab = new Lab();
        assertThat(lab.createWith("test", LabTest::fillWithSum, "a test set")).isTrue();
        LabNotebook nb = lab.notebook();
        assertThat(nb.currentTag()).isEqualTo("test");
        assertThat(nb.current().description()).isEqualTo("a test set");
        assertThat(nb.resultSets()).contains("test");
        assertThat(nb.current().isLocked()).isFalse();
        assertThat(nb.current().numberOfResults()).isEqualTo(5);
    }

    @Test
    void createWithFinishLocksTheSet() {
        Lab lab = new Lab();
        lab.createWith("test", LabTest::fillWithSum, CreateOptions.defaults().withFinish(true));
        assertThat(lab.notebook().current().isLocked()).isTrue();
    }

    private static void failing(Lab l) {
        l.put("a", 1);
        throw new IllegalStateException("creation failed");
    }

    @Test
    void createWithFailurePropagatesAndDeletesTheSet() {
        Lab lab = new Lab();
        assertThatThrownBy(() -> lab.createWith("test", LabTest::failing))
                .isInstanceOf(IllegalStateException.class).hasMessage("creation failed");
        assertThat(lab.notebook().resultSets()).doesNotContain("test");
        assertThat(lab.notebook().currentTag()).isEqualTo(LabNotebook.DEFAULT_RESULTSET);
    }

    @Test
    void createWithFailureAndNoDeleteKeepsTheSetUnlocked() {
        Lab lab = new Lab();
        assertThatThrownBy(() -> lab.createWith("test", LabTest::failing, CreateOptions.defaults().withDelete(false)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(lab.notebook().resultSets()).contains("test");
        assertThat(lab.notebook().currentTag()).isEqualTo("test");
        assertThat(lab.notebook().current().isLocked()).isFalse();
    }

    @Test
    void createWithFailureAndNoDeleteDoesNotFinishTheSet() {
        Lab lab = new Lab();
        assertThatThrownBy(() -> lab.createWith("test", LabTest::failing,
                CreateOptions.defaults().withDelete(false).withFinish(true))).isInstanceOf(IllegalStateException.class);
        assertThat(lab.notebook().resultSets()).contains("test");
        assertThat(lab.notebook().resultSet("test").isLocked()).isFalse();
    }

    @Test
    void createWithWithoutPropagateReturnsFalseAndDeletesTheSet() {
        Lab lab = new Lab();
        assertThat(lab.createWith("test", LabTest::failing, CreateOptions.defaults().withPropagate(false))).isFalse();
        assertThat(lab.notebook().resultSets()).doesNotContain("test");
    }

    @Test
    void createWithClearsParametersByDefault() {
        Lab lab = new Lab();
        lab.put("a", 1).put("b", 2);
        List<String> seen = new ArrayList<>();
        lab.createWith("test", l -> seen.addAll(l.parameters()));
        assertThat(seen).isEmpty();
        assertThat(lab.parameters()).isEmpty();
    }

    // the creation function's own check fails (an AssertionError, as in epyc's
    // test), and that propagates
    @Test
    void createWithCanKeepTheEarlierParameters() {
        Lab lab = new Lab();
        lab.put("a", 1);
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> lab.createWith("test", l -> {
            seen.addAll(l.parameters());
            assertThat(l.parameters()).isEmpty();
        }, CreateOptions.defaults().withDeleteAllParameters(false))).isInstanceOf(AssertionError.class);
        assertThat(seen).containsExactly("a");
    }

    // an assertion failing in the creation function is a failure of the function like any
    // other (epyc's AssertionError is an Exception): the half-built set is deleted
    @Test
    void createWithCleansUpAfterAnAssertionError() {
        Lab lab = new Lab();
        lab.notebook().addResultSet("one");
        assertThatThrownBy(() -> lab.createWith("test", l -> {
            throw new AssertionError("check failed");
        })).isInstanceOf(AssertionError.class);
        assertThat(lab.notebook().resultSets()).doesNotContain("test");
        assertThat(lab.notebook().currentTag()).isEqualTo("one");
    }

    @Test
    void createWithFailureReselectsThePreviousSet() {
        Lab lab = new Lab();
        LabNotebook nb = lab.notebook();
        nb.addResultSet("one");
        nb.addResultSet("two");
        nb.select("one");
        assertThatThrownBy(() -> lab.createWith("three", LabTest::failing)).isInstanceOf(IllegalStateException.class);
        assertThat(nb.currentTag()).isEqualTo("one");
        assertThat(nb.resultSets()).containsExactlyInAnyOrder("one", "two", LabNotebook.DEFAULT_RESULTSET);
    }

    @Test
    void createWithFailureAfterDeletingThePreviousSetSelectsTheDefault() {
        Lab lab = new Lab();
        LabNotebook nb = lab.notebook();
        nb.addResultSet("one");
        assertThatThrownBy(() -> lab.createWith("two", l -> {
            l.notebook().deleteResultSet("one");
            throw new IllegalStateException("after deleting one");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(nb.currentTag()).isEqualTo(LabNotebook.DEFAULT_RESULTSET);
        assertThat(nb.resultSets()).containsExactly(LabNotebook.DEFAULT_RESULTSET);
    }

    // an existing set is selected, and neither the function, the description nor finish applies
    @Test
    void createWithOnAnExistingSetOnlySelectsIt() {
        Lab lab = new Lab();
        LabNotebook nb = lab.notebook();
        nb.addResultSet("done", "original");
        nb.select(LabNotebook.DEFAULT_RESULTSET);
        AtomicBoolean called = new AtomicBoolean();
        assertThat(lab.createWith("done", l -> called.set(true),
                CreateOptions.defaults().withDescription("other").withFinish(true))).isTrue();
        assertThat(called).isFalse();
        assertThat(nb.currentTag()).isEqualTo("done");
        assertThat(nb.current().description()).isEqualTo("original");
        assertThat(nb.current().isLocked()).isFalse();
    }

    // a locked notebook refuses, whatever propagate says
    @Test
    void createWithOnALockedNotebookThrows() {
        Lab lab = new Lab();
        lab.notebook().finish();
        assertThatThrownBy(() -> lab.createWith("new", LabTest::fillWithSum,
                CreateOptions.defaults().withPropagate(false))).isInstanceOf(LabNotebookLockedException.class);
    }

    // Bad input: a null or blank parameter name is refused, naming it, and changes nothing
    @Test
    void nullOrBlankParameterNameIsRefusedAndChangesNothing() {
        Lab lab = new Lab();
        lab.put("a", List.of(1, 2));
        assertThatThrownBy(() -> lab.put(null, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> lab.put("  ", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'  '");
        assertThat(lab.parameters()).containsExactly("a");
        assertThat(lab.notebook().numberOfResults()).isZero();
        lab.put("b", 3);
        lab.runExperiment(new Fixtures.Sum());
        assertThat(lab.results()).hasSize(2);
    }

    // Bad input: a null range, or a range holding null, is refused naming the parameter, and the
    // earlier range is kept
    @Test
    void nullRangeIsRefusedAndKeepsTheEarlierRange() {
        Lab lab = new Lab();
        lab.put("a", List.of(1, 2));
        assertThatThrownBy(() -> lab.put("a", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a").hasMessageContaining("null");
        assertThatThrownBy(() -> lab.put("a", Arrays.asList(3, null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter a");
        assertThat(lab.get("a")).containsExactly(1L, 2L);
        lab.put("a", List.of(5));
        assertThat(lab.get("a")).containsExactly(5L);
    }

    // the lab runs the same experiment object at every point and adds every result
    @Test
    void runExperimentAddsOneResultPerPointOfTheDesign() {
        Lab lab = new Lab(new LabNotebook(), new PointwiseDesign());
        lab.put("x", List.of(3, 1, 2));
        lab.runExperiment(new Fixtures.Echo());
        assertThat(column(lab.dataframe(), "result")).containsExactly(3L, 1L, 2L);
        assertThat(lab.experiments(null)).hasSize(3);
    }
}
