package org.jepyc;

/** What a lab's {@link Lab#runExperiment} does with points already in the current result set. */
public enum Resume {
    /** Run every point, as epyc does. */
    NONE,
    /** Skip points with a successful result (or a pending job); run failed ones again. */
    RERUN_FAILED,
    /** Skip every point with a result, failed or not (or a pending job). */
    SKIP_FAILED
}
