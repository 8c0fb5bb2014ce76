package org.jepyc.resultset;

import java.util.Map;

/**
 * The ten metadata columns every result set has, with the types epyc declares for them. The
 * names are file-format facts, the same strings as {@code Experiment}'s metadata constants
 * (a test holds the two together); the engine spells them here so it need not import the API.
 */
public final class StandardMetadata {

    /** The metadata name of a run's status: true if it succeeded. */
    public static final String STATUS = "epyc.experiment.status";

    /** Name to declared type, for the ten metadata keys epyc writes for every run. */
    public static final Map<String, ValueType> TYPES = Map.of(
            "epyc.experiment.classname", ValueType.STRING,
            "epyc.experiment.start_time", ValueType.TIMESTAMP,
            "epyc.experiment.end_time", ValueType.TIMESTAMP,
            "epyc.experiment.elapsed_time", ValueType.FLOAT,
            "epyc.experiment.setup_time", ValueType.FLOAT,
            "epyc.experiment.experiment_time", ValueType.FLOAT,
            "epyc.experiment.teardown_time", ValueType.FLOAT,
            STATUS, ValueType.BOOL,
            "epyc.experiment.exception", ValueType.STRING,
            "epyc.experiment.traceback", ValueType.STRING);

    private StandardMetadata() { }
}
