package org.jepyc;

/**
 * Told by a lab as points finish. Called from the thread that runs
 * {@link Lab#runExperiment}, never concurrently, so implementations need no locking; they
 * should be quick, as they sit on the path of every point.
 */
public interface ProgressListener {

    /** Listens to nothing: the default of every lab. */
    ProgressListener NONE = p -> { };

    /** @param total the number of points about to run */
    default void started(int total) {
    }

    /** @param progress the state after a point's result entered the notebook */
    void progress(Progress progress);

    /** @param progress the final state (also after an interrupted run) */
    default void finished(Progress progress) {
    }
}
