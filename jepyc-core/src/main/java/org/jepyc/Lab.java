package org.jepyc;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.dflib.DataFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a parameter space and a design, and runs experiments over it into a notebook. This
 * lab runs the points one after another in the calling thread; {@link ParallelLab} uses every
 * core, and {@code ClusterLab} a cluster, with the same results.
 *
 * <pre>{@code
 * Lab lab = new Lab();
 * lab.put("a", IntStream.range(0, 10)).put("b", List.of(1.0, 2.0));
 * lab.runExperiment(new MyExperiment());
 * DataFrame df = lab.dataframe();
 * }</pre>
 *
 * <p>The lab keeps the settings and the order of a run; the concerns are in classes of their
 * own: the parameter space ({@link ParameterSpace}), filing results ({@link RunLoop}), provenance
 * ({@link RunProvenance}), and resuming and planning ({@link Campaign}). Seeding, resume and
 * provenance are decided per run and never left behind on the experiment.
 */
public class Lab implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lab.class);

    private final LabNotebook notebook;
    private final Design design;
    private final ParameterSpace space = new ParameterSpace();
    private ProgressListener progress = ProgressListener.NONE;
    private Duration commitInterval = Duration.ofMinutes(1);
    private Long rootSeed;
    private Resume resume = Resume.NONE;

    /** A lab with an in-memory notebook and a factorial design. */
    public Lab() {
        this(new LabNotebook());
    }

    /** @param notebook where results go */
    public Lab(LabNotebook notebook) {
        this(notebook, new FactorialDesign());
    }

    /**
     * @param notebook where results go
     * @param design   how ranges become points
     */
    public Lab(LabNotebook notebook, Design design) {
        this.notebook = Objects.requireNonNull(notebook, "notebook");
        this.design = Objects.requireNonNull(design, "design");
    }

    /** @return the notebook */
    public LabNotebook notebook() { return notebook; }

    /**
     * @param listener told as points finish (off by default; see {@link ConsoleProgress})
     * @return this lab
     */
    public Lab withProgress(ProgressListener listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** @return the progress listener */
    public ProgressListener progressListener() { return progress; }

    /**
     * @param interval how often a run commits a persistent notebook as results arrive (default one
     *                 minute; zero commits only at the end, as epyc does)
     * @return this lab
     */
    public Lab withCommitInterval(Duration interval) {
        this.commitInterval = Objects.requireNonNull(interval, "interval");
        return this;
    }

    /**
     * Seeds every run from a root seed, its point and its repetition (see
     * {@link Experiment#random()}), so the same campaign gives the same results whichever lab
     * runs it and in whatever order, and one point re-run alone reproduces its row.
     *
     * @param root the campaign's root seed
     * @return this lab
     */
    public Lab withSeed(long root) {
        this.rootSeed = root;
        return this;
    }

    /**
     * @param mode whether a run skips points already in the current result set
     * @return this lab
     */
    public Lab withResume(Resume mode) {
        this.resume = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * Where a campaign of this lab's design stands in the current result set.
     *
     * @param e the experiment (may be null: only the points matter)
     * @return done, failed, pending and left, with an estimate of the time left
     */
    public Plan plan(Experiment e) {
        updateResults();
        return new Campaign(notebook.current(), parameters())
                .plan(experiments(e), resume != Resume.SKIP_FAILED, parallelism());
    }

    /** @return how many points this lab runs at once, for {@link #plan}'s estimate */
    protected int parallelism() {
        return 1;
    }

    /**
     * The points a run will run: the design's, seeded (see {@link #withSeed}) and, when
     * resuming, less those already in the current set. Records the run's provenance and the
     * campaign's size as attributes of the current set. Every lab's runExperiment starts here.
     *
     * @param e the experiment
     * @return the points to run
     */
    protected List<ExperimentalConfiguration> pointsToRun(Experiment e) {
        // every run states its seed, null included: an experiment instance a seeded lab ran
        // must not stay seeded when an unseeded lab runs it next
        e.seedWith(rootSeed);
        List<ExperimentalConfiguration> eps = experiments(e);
        if (eps.isEmpty()) {
            return eps;
        }
        ResultSet rs = notebook.current();
        if (!rs.isLocked()) {
            RunProvenance.record(rs, e, eps.size(), rootSeed);
        }
        if (resume != Resume.NONE) {
            List<ExperimentalConfiguration> rest = new Campaign(rs, parameters()).remaining(eps, resume == Resume.RERUN_FAILED);
            LOG.info("Resuming: {} of {} points left to run", rest.size(), eps.size());
            return rest;
        }
        return eps;
    }

    /** Result-set attribute: the number of points the last run's design gave. */
    public static final String CAMPAIGN_POINTS = "jepyc.campaign.points";
    /** Result-set attribute: the root seed of a seeded run. */
    public static final String CAMPAIGN_SEED = "jepyc.campaign.seed";

    /** @return the design */
    public Design design() { return design; }

    /**
     * Sets a parameter's range (epyc's {@code lab[name] = range}): a string or other scalar is
     * one value; an iterable, array (primitive too), stream or iterator gives its elements; a
     * map gives its keys. Integers become {@code Long}, floats {@code Double}, so what an
     * experiment sees is what the notebook gives back.
     *
     * @param name  the parameter name
     * @param range its values
     * @return this lab
     */
    public Lab put(String name, Object range) {
        space.put(name, range);
        return this;
    }

    /**
     * @param name a parameter name
     * @return its values
     * @throws NoSuchElementException if it is not set
     */
    public List<Object> get(String name) {
        return space.get(name);
    }

    /** @param name a name @return true if it is a parameter */
    public boolean contains(String name) { return space.contains(name); }

    /** @param name a parameter to remove; an unknown name is ignored */
    public void deleteParameter(String name) { space.delete(name); }

    /** Removes every parameter. */
    public void deleteAllParameters() { space.clear(); }

    /** @return the parameter names, in the order set */
    public List<String> parameters() { return space.names(); }

    /** @return the number of points the design gives (not the number of parameters) */
    public int size() { return design.size(space.ranges()); }

    /**
     * @param e the experiment
     * @return the points to run, paired with it
     */
    public List<ExperimentalConfiguration> experiments(Experiment e) {
        return design.experiments(e, space.ranges());
    }

    /**
     * Runs the experiment at every point, in the calling thread, adding each result to the
     * notebook's current set; commits a persistent notebook every {@link #withCommitInterval
     * interval} and at the end (also if the run is interrupted by an error).
     *
     * @param e the experiment
     */
    public void runExperiment(Experiment e) {
        collect(pointsToRun(e), (eps, sink) -> {
            for (ExperimentalConfiguration c : eps) {
                sink.accept(c.experiment().set(c.parameters()).run());
            }
        });
    }

    /**
     * Runs points with a runner that hands each result over on this thread, and files them: into
     * the notebook, to the progress listener, with periodic commits and a commit at the end (also
     * when the runner fails or is interrupted).
     *
     * @param eps    the points
     * @param runner runs them, giving each result to the sink it is passed
     */
    protected final void collect(List<ExperimentalConfiguration> eps,
                                 BiConsumer<List<ExperimentalConfiguration>, Consumer<ResultsDict>> runner) {
        new RunLoop(notebook, progress, commitInterval).collect(eps, runner);
    }

    /**
     * Creates a result set with a function unless it exists already.
     *
     * @param tag the result set
     * @param f   fills it, typically by setting parameters and running an experiment
     * @return true if the set exists now (created or found)
     */
    public boolean createWith(String tag, Consumer<Lab> f) {
        return createWith(tag, f, CreateOptions.defaults());
    }

    /**
     * @param tag         the result set
     * @param f           fills it
     * @param description its description
     * @return true if the set exists now
     */
    public boolean createWith(String tag, Consumer<Lab> f, String description) {
        return createWith(tag, f, CreateOptions.defaults().withDescription(description));
    }

    /**
     * @param tag     the result set
     * @param f       fills it
     * @param options epyc's keyword arguments
     * @return true if the set exists now; false if f failed and {@code propagate} is false
     */
    public boolean createWith(String tag, Consumer<Lab> f, CreateOptions options) {
        String previous = notebook.currentTag();
        if (notebook.already(tag, options.description())) {
            return true;
        }
        try {
            if (options.deleteAllParameters()) {
                deleteAllParameters();
            }
            f.accept(this);
            if (options.finish()) {
                notebook.current().finish();
            }
            return true;
        } catch (RuntimeException | AssertionError ex) {
            // an assertion failing in f is a failure of f (epyc's AssertionError is an Exception),
            // so the half-built set is cleaned up as for any other
            if (options.delete()) {
                try {
                    notebook.select(previous);
                    LOG.info("Reverted to result set {} in error", previous);
                } catch (NoSuchElementException gone) {
                    notebook.select(LabNotebook.DEFAULT_RESULTSET);
                    LOG.warn("Result set {} has gone: selected the default result set", previous);
                }
                notebook.deleteResultSet(tag);
                LOG.info("Deleted result set {}", tag);
            }
            if (options.propagate()) {
                throw ex;
            }
            LOG.error("Exception creating result set {}, ignored: {}", tag, ex.toString());
            return false;
        }
    }

    /** @return true if the current result set has nothing pending (after {@link #updateResults()}) */
    public boolean ready() {
        updateResults();
        return notebook.ready();
    }

    /** @param tag a result set @return true if it has nothing pending (after {@link #updateResults()}) */
    public boolean ready(String tag) {
        updateResults();
        return notebook.ready(tag);
    }

    /** @return the current set's ready fraction (after {@link #updateResults()}) */
    public double readyFraction() {
        updateResults();
        return notebook.readyFraction();
    }

    /** @param tag a result set @return its ready fraction (after {@link #updateResults()}) */
    public double readyFraction(String tag) {
        updateResults();
        return notebook.readyFraction(tag);
    }

    /** @return the current set's rows as results dicts, failures included */
    public List<ResultsDict> results() {
        updateResults();
        return notebook.results();
    }

    /** @return the current set's successful rows */
    public DataFrame dataframe() {
        return dataframe(true);
    }

    /** @param onlySuccessful keep only successful rows @return the current set's rows */
    public DataFrame dataframe(boolean onlySuccessful) {
        updateResults();
        return notebook.dataframe(onlySuccessful);
    }

    /** Collects results that have arrived; nothing to do for a synchronous lab. */
    public void updateResults() {
    }

    /** Releases the lab's resources (not the notebook's). */
    @Override
    public void close() {
    }
}
