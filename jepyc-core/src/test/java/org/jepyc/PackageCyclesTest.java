package org.jepyc;

import static org.assertj.core.api.Assertions.assertThat;

import org.jepyc.fixtures.PackageCycles;
import org.jepyc.resultset.StandardMetadata;
import org.junit.jupiter.api.Test;

/**
 * The core's packages import each other one way: the engine packages below, the API package
 * {@code org.jepyc} on top, adapting the engine's types to the user's.
 */
class PackageCyclesTest {
    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertAcyclic(Lab.class,
                // Known edges, each removed when the change named goes in:
                // the storage rewrite (a commit becomes an immutable description handed to the
                // format) takes the API types out of the storage SPI and the result table
                "org.jepyc.storage -> org.jepyc",
                "org.jepyc.resultset.ResultTable -> org.jepyc",
                // the value layer still fills empty complex cells with the API's Complex and
                // rejects values with the API's exception; both go with the storage rewrite's
                // value description
                "org.jepyc.resultset.ValueType -> org.jepyc.Complex",
                "org.jepyc.resultset.Values -> org.jepyc.UnsupportedValueException");
    }

    @Test
    void theEngineNamesTheStandardMetadataAsTheApiDoes() {
        assertThat(StandardMetadata.TYPES.keySet()).containsExactlyInAnyOrder(
                Experiment.EXPERIMENT, Experiment.START_TIME, Experiment.END_TIME, Experiment.ELAPSED_TIME,
                Experiment.SETUP_TIME, Experiment.EXPERIMENT_TIME, Experiment.TEARDOWN_TIME, Experiment.STATUS,
                Experiment.EXCEPTION, Experiment.TRACEBACK);
    }
}
