package org.jepyc;

import static org.assertj.core.api.Assertions.assertThat;

import org.jepyc.fixtures.PackageCycles;
import org.jepyc.resultset.StandardMetadata;
import org.junit.jupiter.api.Test;

/**
 * The core's packages import each other one way: the engine packages below, the API package
 * {@code org.jepyc} on top, adapting the engine's types to the user's. No engine package imports
 * the API, so no allowance is named.
 */
class PackageCyclesTest {
    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertAcyclic(Lab.class);
    }

    @Test
    void theEngineNamesTheStandardMetadataAsTheApiDoes() {
        assertThat(StandardMetadata.TYPES.keySet()).containsExactlyInAnyOrder(
                Experiment.EXPERIMENT, Experiment.START_TIME, Experiment.END_TIME, Experiment.ELAPSED_TIME,
                Experiment.SETUP_TIME, Experiment.EXPERIMENT_TIME, Experiment.TEARDOWN_TIME, Experiment.STATUS,
                Experiment.EXCEPTION, Experiment.TRACEBACK);
        assertThat(StandardMetadata.STATUS).isEqualTo(Experiment.STATUS);
    }
}
