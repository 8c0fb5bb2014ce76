package org.jepyc.resultset;

/** The three kinds of column of a result set, in epyc's canonical column order. */
public enum Category {
    /** How the run went: timings, status, exception, and any experiment-specific metadata. */
    METADATA,
    /** The point in parameter space. */
    PARAMETERS,
    /** What the experiment computed. */
    RESULTS
}
