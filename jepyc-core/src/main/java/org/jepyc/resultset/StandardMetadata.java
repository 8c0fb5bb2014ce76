package org.jepyc.resultset;

import java.util.Map;

import org.jepyc.Experiment;

/** The ten metadata columns every result set has, with the types epyc declares for them. */
public final class StandardMetadata {

    /** Name to declared type, for the ten standard metadata keys every run records. */
    public static final Map<String, ValueType> TYPES = Map.of(
            Experiment.EXPERIMENT, ValueType.STRING,
            Experiment.START_TIME, ValueType.TIMESTAMP,
            Experiment.END_TIME, ValueType.TIMESTAMP,
            Experiment.ELAPSED_TIME, ValueType.FLOAT,
            Experiment.SETUP_TIME, ValueType.FLOAT,
            Experiment.EXPERIMENT_TIME, ValueType.FLOAT,
            Experiment.TEARDOWN_TIME, ValueType.FLOAT,
            Experiment.STATUS, ValueType.BOOL,
            Experiment.EXCEPTION, ValueType.STRING,
            Experiment.TRACEBACK, ValueType.STRING);

    private StandardMetadata() { }
}
