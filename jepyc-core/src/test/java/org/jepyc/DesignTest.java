package org.jepyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jepyc.Fixtures.map;
import static org.jepyc.Fixtures.range;

import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Port of epyc's test_designs.py; points are compared without regard to order. */
class DesignTest {
    private final Experiment e = new Fixtures.Sum();

    private static Map<String, List<Object>> space(Object... kv) {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Object> r = (List<Object>) kv[i + 1];
            m.put((String) kv[i], r);
        }
        return m;
    }

    private static List<Map<String, Object>> points(List<ExperimentalConfiguration> c) {
        return c.stream().map(ExperimentalConfiguration::parameters).toList();
    }

    // epyc's base Design raises NotImplementedError; in Java the method is abstract,
    // so a design without an implementation does not compile
    @Test
    void baseDesignHasNoImplementation() throws Exception {
        assertThat(Design.class.isInterface()).isTrue();
        assertThat(Modifier.isAbstract(Design.class.getMethod("experiments", Experiment.class, Map.class)
                .getModifiers())).isTrue();
    }

    @Test
    void factorialWithNoParametersIsEmpty() {
        assertThat(new FactorialDesign().experiments(e, space())).isEmpty();
    }

    @Test
    void factorialOfOneRangeGivesOnePointPerValueWithTheSameExperiment() {
        List<ExperimentalConfiguration> c = new FactorialDesign().experiments(e, space("a", range(0, 3)));
        assertThat(points(c)).containsExactlyInAnyOrder(map("a", 0L), map("a", 1L), map("a", 2L));
        assertThat(c).allSatisfy(x -> assertThat(x.experiment()).isSameAs(e));
    }

    @Test
    void factorialOfTwoRangesGivesEveryCombination() {
        List<ExperimentalConfiguration> c = new FactorialDesign().experiments(e,
                space("a", range(0, 3), "b", List.<Object>of(1L, 2L)));
        assertThat(points(c)).containsExactlyInAnyOrder(
                map("a", 0L, "b", 1L), map("a", 1L, "b", 1L), map("a", 2L, "b", 1L),
                map("a", 0L, "b", 2L), map("a", 1L, "b", 2L), map("a", 2L, "b", 2L));
    }

    // as epyc: a factorial design drops a parameter whose range is empty, without a word
    @Test
    void factorialDropsEmptyRanges() {
        List<ExperimentalConfiguration> c = new FactorialDesign().experiments(e,
                space("a", range(0, 3), "b", List.of()));
        assertThat(points(c)).containsExactlyInAnyOrder(map("a", 0L), map("a", 1L), map("a", 2L));
    }

    @Test
    void factorialPutsASingleValueInEveryPoint() {
        List<ExperimentalConfiguration> c = new FactorialDesign().experiments(e,
                space("a", range(0, 3), "b", List.<Object>of(6L)));
        assertThat(points(c)).containsExactlyInAnyOrder(map("a", 0L, "b", 6L), map("a", 1L, "b", 6L),
                map("a", 2L, "b", 6L));
    }

    // a design accepts a null experiment (the lab counts points that way)
    @Test
    void designPairsANullExperimentWithEveryPoint() {
        List<ExperimentalConfiguration> c = new FactorialDesign().experiments(null, space("a", range(0, 4)));
        assertThat(c).hasSize(4).allSatisfy(x -> assertThat(x.experiment()).isNull());
    }

    @Test
    void pointwiseWithNoParametersIsEmpty() {
        assertThat(new PointwiseDesign().experiments(e, space())).isEmpty();
    }

    @Test
    void pointwiseOfOneRangeGivesOnePointPerValue() {
        List<ExperimentalConfiguration> c = new PointwiseDesign().experiments(e, space("a", range(0, 3)));
        assertThat(points(c)).containsExactlyInAnyOrder(map("a", 0L), map("a", 1L), map("a", 2L));
    }

    // index order is kept
    @Test
    void pointwiseZipsRangesOfEqualLength() {
        List<ExperimentalConfiguration> c = new PointwiseDesign().experiments(e,
                space("a", range(0, 3), "b", List.<Object>of(4L, 5L, 6L)));
        assertThat(points(c)).containsExactly(map("a", 0L, "b", 4L), map("a", 1L, "b", 5L), map("a", 2L, "b", 6L));
    }

    @Test
    void pointwiseRejectsRangesOfDifferentLengths() {
        assertThatThrownBy(() -> new PointwiseDesign().experiments(e,
                space("a", range(0, 3), "b", List.<Object>of(4L, 5L)))).isInstanceOf(DesignException.class);
    }

    // three distinct lengths cannot be reconciled either
    @Test
    void pointwiseRejectsThreeDistinctLengths() {
        assertThatThrownBy(() -> new PointwiseDesign().experiments(e,
                space("a", range(0, 3), "b", List.<Object>of(4L, 5L), "c", List.<Object>of(1L))))
                .isInstanceOf(DesignException.class);
    }

    @Test
    void pointwiseStretchesASingleValue() {
        List<ExperimentalConfiguration> c = new PointwiseDesign().experiments(e,
                space("a", range(0, 3), "b", List.<Object>of(4L)));
        assertThat(points(c)).containsExactlyInAnyOrder(map("a", 0L, "b", 4L), map("a", 1L, "b", 4L),
                map("a", 2L, "b", 4L));
    }

    @Test
    void pointwiseStretchesTwoSingleValues() {
        List<ExperimentalConfiguration> c = new PointwiseDesign().experiments(e,
                space("a", range(0, 3), "b", List.<Object>of(4L), "c", List.<Object>of("x")));
        assertThat(points(c)).containsExactlyInAnyOrder(map("a", 0L, "b", 4L, "c", "x"),
                map("a", 1L, "b", 4L, "c", "x"), map("a", 2L, "b", 4L, "c", "x"));
    }

    @Test
    void pointwiseZipsTwoRangesAndStretchesAThird() {
        List<ExperimentalConfiguration> c = new PointwiseDesign().experiments(e,
                space("a", range(0, 3), "b", List.<Object>of(4L, 5L, 6L), "c", List.<Object>of(9L)));
        assertThat(points(c)).containsExactlyInAnyOrder(map("a", 0L, "b", 4L, "c", 9L),
                map("a", 1L, "b", 5L, "c", 9L), map("a", 2L, "b", 6L, "c", 9L));
    }

    // an empty range with a single value gives no points
    @Test
    void pointwiseOfAnEmptyRangeAndASingleValueIsEmpty() {
        assertThat(new PointwiseDesign().experiments(e, space("a", List.of(), "b", List.<Object>of(1L)))).isEmpty();
    }
}
