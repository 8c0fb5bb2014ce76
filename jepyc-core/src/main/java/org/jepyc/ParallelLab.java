package org.jepyc;

import java.util.List;

import org.jepyc.run.ParallelRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lab that runs the points of an experiment on several cores at once, synchronously:
 * replace {@code Lab} by {@code ParallelLab} and the same experiment uses the machine, with no
 * change to its code. Each worker thread runs its own serialised copy of the experiment, reused
 * point after point as the sequential lab reuses its one instance, so stateful experiments give
 * what {@link Lab} gives. Results enter the notebook from the calling thread, in the design's
 * order, while the workers keep running; the notebook is committed at the end, and also when
 * the run is interrupted or a worker hits an {@link Error}.
 */
public class ParallelLab extends Lab {
    private static final Logger LOG = LoggerFactory.getLogger(ParallelLab.class);
    private final int cores;

    /**
     * @param notebook where results go
     * @param cores    0 for every available core, -n for all but n (at least one), +n for
     *                 min(n, available)
     */
    public ParallelLab(LabNotebook notebook, int cores) {
        this(notebook, cores, new FactorialDesign());
    }

    /**
     * @param notebook where results go
     * @param cores    as {@link #ParallelLab(LabNotebook, int)}
     * @param design   how ranges become points (epyc's parallel lab has no design argument; this one has)
     */
    public ParallelLab(LabNotebook notebook, int cores, Design design) {
        super(notebook, design);
        this.cores = coresFor(cores, Runtime.getRuntime().availableProcessors());
        LOG.debug("ParallelLab created with {} cores", this.cores);
    }

    /**
     * epyc's rule for the number of cores.
     *
     * @param requested 0, -n or +n
     * @param available the cores the JVM may use (container limits included)
     * @return the number of cores to use
     */
    static int coresFor(int requested, int available) {
        if (requested == 0) {
            return available;
        }
        return requested > 0 ? Math.min(requested, available) : Math.max(available + requested, 1);
    }

    @Override
    protected int parallelism() {
        return cores;
    }

    /** @return the number of cores this lab uses */
    public int numberOfCores() {
        return cores;
    }

    /**
     * Runs every point on the lab's cores and returns when all results are in the notebook. With
     * no points, does nothing (as epyc). An exception inside an experiment is recorded in its
     * row; an interrupt of the calling thread ends the run with a
     * {@link java.util.concurrent.CancellationException} once the rows finished so far are
     * committed.
     *
     * @param e the experiment
     */
    @Override
    public void runExperiment(Experiment e) {
        List<ExperimentalConfiguration> eps = pointsToRun(e);
        if (eps.isEmpty()) {
            return;
        }
        ParallelRunner runner = new ParallelRunner(cores);
        collect(eps, (points, sink) -> runner.run(
                points.stream().map(ExperimentalConfiguration::experiment).toList(),
                (Experiment copy, int i) -> copy.set(points.get(i).parameters()).run(), sink));
    }
}
