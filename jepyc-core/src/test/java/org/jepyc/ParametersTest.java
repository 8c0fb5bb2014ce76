package org.jepyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jepyc.Fixtures.map;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Port of epyc's test_parameters.py: changing parameters during a run. */
class ParametersTest {

    /** Adds {@code k} to its parameters in perform. */
    static class AddsInPerform extends Experiment {
        private static final long serialVersionUID = 1L;

        @Override
        protected Map<String, ?> perform(Map<String, Object> parameters) {
            parameters.put("k", 10);
            return map("total", 1);
        }
    }

    /** Adds {@code k} to its parameters in setUp. */
    static class AddsInSetUp extends Experiment {
        private static final long serialVersionUID = 1L;

        @Override
        protected void setUp(Map<String, Object> parameters) {
            parameters.put("k", 20);
        }

        @Override
        protected Map<String, ?> perform(Map<String, Object> parameters) {
            return map("total", 1);
        }
    }

    @Test
    void parameterAddedInPerformIsReturnedWithTheOthers() {
        ResultsDict rc = new AddsInPerform().set(map("a", 1)).run();
        assertThat(rc.parameters()).isEqualTo(map("a", 1, "k", 10));
    }

    @Test
    void parameterAddedInSetUpIsReturnedWithTheOthers() {
        ResultsDict rc = new AddsInSetUp().set(map("a", 1)).run();
        assertThat(rc.parameters()).isEqualTo(map("a", 1, "k", 20));
    }

    // set() takes a copy, so an immutable point can be extended during the run
    @Test
    void parameterCanBeAddedToAnImmutablePoint() {
        ResultsDict rc = new AddsInSetUp().set(Map.of("a", 1)).run();
        assertThat(rc.success()).isTrue();
        assertThat(rc.parameters()).containsEntry("k", 20);
    }

    // in a lab the added parameter becomes a column of the stored results
    @Test
    void parameterAddedDuringARunIsStoredByTheLab() {
        Lab lab = new Lab();
        lab.put("a", List.of(1, 2, 3));
        lab.runExperiment(new AddsInSetUp());
        assertThat(lab.notebook().current().parameterNames()).containsExactly("a", "k");
        assertThat(lab.results()).hasSize(3).allSatisfy(r -> assertThat(r.parameters().get("k")).isEqualTo(20L));
    }
}
