package org.jepyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Designs beyond the grid: continuous ranges and the sampling designs. */
class SamplingDesignTest {

    private static Map<String, List<Object>> space(Object... pairs) {
        Map<String, List<Object>> s = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            s.put((String) pairs[i], v instanceof List<?> l ? List.copyOf(l) : List.of(v));
        }
        return s;
    }

    @Test
    void latinHypercubeHasOnePointInEveryStratumOfEveryDimension() {
        int n = 50;
        List<ExperimentalConfiguration> eps = new LatinHypercubeDesign(n, 42)
                .experiments(null, space("x", Range.of(0, 1), "y", Range.of(-5, 5), "z", Range.log(1e-3, 1e3)));
        assertThat(eps).hasSize(n);
        for (String dim : List.of("x", "y", "z")) {
            Set<Integer> strata = new HashSet<>();
            for (ExperimentalConfiguration c : eps) {
                double v = (Double) c.parameters().get(dim);
                double u = switch (dim) {
                    case "x" -> v;
                    case "y" -> (v + 5) / 10;
                    default -> (Math.log(v) - Math.log(1e-3)) / (Math.log(1e3) - Math.log(1e-3));
                };
                strata.add((int) Math.floor(u * n + 1e-9));
            }
            assertThat(strata).as("strata of %s", dim).hasSize(n).allMatch(k -> k >= 0 && k < n);
        }
    }

    @Test
    void sobolGivesThePublishedSequence() {
        // the first ten points of the 3-D Sobol' sequence with Joe and Kuo's direction numbers,
        // as published (and as scipy's qmc.Sobol(3, scramble=False) gives them)
        double[][] published = {
            {0, 0, 0}, {0.5, 0.5, 0.5}, {0.75, 0.25, 0.25}, {0.25, 0.75, 0.75}, {0.375, 0.375, 0.625},
            {0.875, 0.875, 0.125}, {0.625, 0.125, 0.875}, {0.125, 0.625, 0.375}, {0.1875, 0.3125, 0.9375},
            {0.6875, 0.8125, 0.4375}};
        List<ExperimentalConfiguration> eps = new SobolDesign(10)
                .experiments(null, space("a", Range.of(0, 1), "b", Range.of(0, 1), "c", Range.of(0, 1)));
        for (int i = 0; i < published.length; i++) {
            Map<String, Object> p = eps.get(i).parameters();
            assertThat(new double[] {(Double) p.get("a"), (Double) p.get("b"), (Double) p.get("c")})
                    .as("point %d", i).containsExactly(published[i]);
        }
    }

    @Test
    void sobolPointsFillEveryDyadicBoxOnce() {
        // the defining (t, m, s)-net property for the first two dimensions: 2^k points, one per 1/2^k-wide column
        int n = 256;
        List<ExperimentalConfiguration> eps = new SobolDesign(n).experiments(null, space("a", Range.of(0, 1), "b", Range.of(0, 1)));
        for (String dim : List.of("a", "b")) {
            Set<Integer> cells = new HashSet<>();
            eps.forEach(c -> cells.add((int) ((Double) c.parameters().get(dim) * n)));
            assertThat(cells).hasSize(n);
        }
    }

    @Test
    void scrambledSobolIsReproducibleAndDiffersFromThePlainSequence() {
        Map<String, List<Object>> s = space("a", Range.of(0, 1), "b", Range.of(0, 1));
        List<Map<String, Object>> one = points(new SobolDesign(16, 7).experiments(null, s));
        assertThat(points(new SobolDesign(16, 7).experiments(null, s))).isEqualTo(one);
        assertThat(one).isNotEqualTo(points(new SobolDesign(16).experiments(null, s)));
        assertThat(one).doesNotContain(Map.of("a", 0.0, "b", 0.0));
    }

    @Test
    void everyDesignIsReproducibleForItsSeedAndRespectsBounds() {
        Map<String, List<Object>> s = space("x", Range.of(2, 3), "k", Range.integers(1, 6), "r", Range.log(0.01, 100),
                "mode", List.of("a", "b", "c"), "fixed", 7L);
        for (SamplingDesign d : List.of(new LatinHypercubeDesign(300, 1), new RandomDesign(300, 1), new SobolDesign(300, 1))) {
            List<ExperimentalConfiguration> eps = d.experiments(null, s);
            assertThat(points(eps)).as(d.getClass().getSimpleName()).isEqualTo(points(d.experiments(null, s)));
            assertThat(eps).hasSize(300).allSatisfy(c -> {
                Map<String, Object> p = c.parameters();
                assertThat((Double) p.get("x")).isGreaterThanOrEqualTo(2.0).isLessThan(3.0);
                assertThat((Long) p.get("k")).isBetween(1L, 6L);
                assertThat((Double) p.get("r")).isGreaterThanOrEqualTo(0.01).isLessThan(100.0);
                assertThat(p.get("mode")).isIn("a", "b", "c");
                assertThat(p.get("fixed")).isEqualTo(7L);
            });
            assertThat(eps.stream().map(c -> c.parameters().get("k")).distinct()).hasSize(6);
            assertThat(eps.stream().map(c -> c.parameters().get("mode")).distinct()).hasSize(3);
        }
        assertThat(points(new RandomDesign(50, 1).experiments(null, s)))
                .isNotEqualTo(points(new RandomDesign(50, 2).experiments(null, s)));
    }

    @Test
    void aLatinHypercubeOverAListGivesEachValueEqually() {
        List<ExperimentalConfiguration> eps = new LatinHypercubeDesign(30, 3).experiments(null, space("m", List.of(1, 2, 3)));
        Map<Object, Long> counts = new java.util.HashMap<>();
        eps.forEach(c -> counts.merge(c.parameters().get("m"), 1L, Long::sum));
        assertThat(counts).containsOnly(Map.entry(1, 10L), Map.entry(2, 10L), Map.entry(3, 10L));
    }

    @Test
    void gridDesignsRefuseContinuousRanges() {
        Map<String, List<Object>> s = space("x", Range.of(0, 1), "y", List.of(1, 2));
        assertThatThrownBy(() -> new FactorialDesign().experiments(null, s)).isInstanceOf(DesignException.class)
                .hasMessageContaining("x").hasMessageContaining("sampling design");
        assertThatThrownBy(() -> new PointwiseDesign().experiments(null, s)).isInstanceOf(DesignException.class);
    }

    @Test
    void aLabRunsAnExperimentOverASamplingDesign() {
        Lab lab = new Lab(new LabNotebook(), new LatinHypercubeDesign(20, 5));
        lab.put("x", Range.of(0, 10)).put("n", List.of(1, 2));
        assertThat(lab.size()).isEqualTo(20);
        lab.runExperiment(Experiment.of(p -> Map.of("y", (Double) p.get("x") * (Long) p.get("n"))));
        assertThat(lab.results()).hasSize(20).allSatisfy(r ->
                assertThat((Double) r.results().get("y")).isEqualTo((Double) r.parameters().get("x") * (Long) r.parameters().get("n")));
    }

    @Test
    void rangesRejectEmptyOrNonFiniteIntervals() {
        assertThatThrownBy(() -> Range.of(1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Range.of(0, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Range.log(0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lo > 0");
        assertThatThrownBy(() -> new SobolDesign(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Map<String, Object>> points(List<ExperimentalConfiguration> eps) {
        return eps.stream().map(ExperimentalConfiguration::parameters).toList();
    }
}
