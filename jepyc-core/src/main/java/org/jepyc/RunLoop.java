package org.jepyc;

import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.jepyc.run.PeriodicCommitter;

/**
 * Files a run's results as the runner hands them over on the lab's thread: into the notebook's
 * current set, to the progress listener, with a commit every interval and one at the end (also
 * when the runner fails or is interrupted, so no result already back is lost).
 */
final class RunLoop {
    private final LabNotebook notebook;
    private final ProgressListener progress;
    private final Duration commitInterval;

    RunLoop(LabNotebook notebook, ProgressListener progress, Duration commitInterval) {
        this.notebook = notebook;
        this.progress = progress;
        this.commitInterval = commitInterval;
    }

    /**
     * @param eps    the points
     * @param runner runs them, giving each result to the sink it is passed
     */
    void collect(List<ExperimentalConfiguration> eps,
                 BiConsumer<List<ExperimentalConfiguration>, Consumer<ResultsDict>> runner) {
        ProgressTracker tracker = new ProgressTracker(progress, eps.size());
        PeriodicCommitter committer = new PeriodicCommitter(notebook::commit, notebook.isPersistent(), commitInterval);
        try {
            runner.accept(eps, r -> {
                notebook.addResult(r);
                tracker.completed(r);
                committer.tick();
            });
        } finally {
            try {
                notebook.commit();
            } finally {
                tracker.finished();
            }
        }
    }
}
