package org.jepyc;

import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

import org.jepyc.campaign.PointHash;
import org.jepyc.campaign.Seeds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One computational experiment: configured at a point in parameter space, then run through
 * {@link #setUp}, {@link #perform} (epyc's {@code do}) and {@link #tearDown}, timed, with any
 * exception caught and recorded. {@link #run()} never throws for a failure of the
 * experiment; the returned {@link ResultsDict} has status false, the exception's message and
 * the stack trace text.
 *
 * <p>Experiments are stateful, as in epyc: a lab reuses one instance point after point, and
 * parallel labs give each concurrent run its own serialised copy, so subclasses must be
 * {@link Serializable} in practice (fields that are not, mark {@code transient} and rebuild
 * in {@link #setUp}).
 */
public abstract class Experiment implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(Experiment.class);
    private static final Clock CLOCK = Clock.systemDefaultZone();

    /** Key of the point in a results dict. */
    public static final String PARAMETERS = "parameters";
    /** Key of the metadata in a results dict. */
    public static final String METADATA = "metadata";
    /** Key of the results in a results dict. */
    public static final String RESULTS = "results";
    /** Metadata: the experiment's class name. */
    public static final String EXPERIMENT = "epyc.experiment.classname";
    /** Metadata: wall-clock time the run started. */
    public static final String START_TIME = "epyc.experiment.start_time";
    /** Metadata: wall-clock time the run ended or failed. */
    public static final String END_TIME = "epyc.experiment.end_time";
    /** Metadata: seconds in the phases that finished. */
    public static final String ELAPSED_TIME = "epyc.experiment.elapsed_time";
    /** Metadata: seconds in setUp. */
    public static final String SETUP_TIME = "epyc.experiment.setup_time";
    /** Metadata: seconds in perform. */
    public static final String EXPERIMENT_TIME = "epyc.experiment.experiment_time";
    /** Metadata: seconds in tearDown. */
    public static final String TEARDOWN_TIME = "epyc.experiment.teardown_time";
    /** Metadata: true if the run succeeded. */
    public static final String STATUS = "epyc.experiment.status";
    /** Metadata: why the run failed (the exception in memory, its message once stored). */
    public static final String EXCEPTION = "epyc.experiment.exception";
    /** Metadata: the stack trace text of a failure. */
    public static final String TRACEBACK = "epyc.experiment.traceback";
    /** Metadata (jepyc): the seed of the run's {@link #random()} generator. */
    public static final String SEED = "jepyc.experiment.seed";
    /** Metadata (jepyc): the stable hash of the point, 16 hex digits, recorded when a lab seeds its runs. */
    public static final String POINT = "jepyc.experiment.point";

    private Map<String, Object> parameters = new LinkedHashMap<>();
    private Map<String, Object> metadata = new LinkedHashMap<>();
    private Map<String, ?> results = Map.of();
    private List<ResultsDict> runs;
    private Long rootSeed;
    private long repetitionKey = -1;
    private long runSeed;
    private boolean seeded;
    private transient RandomGenerator random;

    /** An experiment with no point yet: {@link #set} gives it one. */
    protected Experiment() {
    }

    /**
     * Moves the experiment to a new point: {@link #deconfigure()} then {@link #configure}.
     *
     * @param parameters the point (copied, so setUp and perform may add to it)
     * @return this experiment, for {@code e.set(p).run()}
     */
    public Experiment set(Map<String, ?> parameters) {
        deconfigure();
        configure(new LinkedHashMap<>(parameters));
        return this;
    }

    /**
     * Takes a new point; overriders doing costly per-point set-up must call this first.
     *
     * @param parameters the point
     */
    protected void configure(Map<String, Object> parameters) {
        this.parameters = parameters;
    }

    /** Leaves the current point; overriders must call this. Called by every {@link #set}, even the first, as in epyc. */
    protected void deconfigure() {
        this.parameters = new LinkedHashMap<>();
    }

    /**
     * Prepares one run; the default does nothing.
     *
     * @param parameters the point; keys added here are recorded with it
     * @throws Exception a failure, recorded in the run's metadata
     */
    protected void setUp(Map<String, Object> parameters) throws Exception {
    }

    /**
     * Does the work of one run (epyc's {@code do}).
     *
     * @param parameters the point; keys added here are recorded with it
     * @return the results, name to value
     * @throws Exception a failure, recorded in the run's metadata
     */
    protected abstract Map<String, ?> perform(Map<String, Object> parameters) throws Exception;

    /**
     * Does the work of a run that yields several complete results. Override this
     * instead of {@link #perform} for such experiments; the default returns null, meaning
     * "call perform". Missing parameters and metadata of the returned dicts are filled in from
     * this run.
     *
     * @param parameters the point
     * @return the runs, or null to call {@link #perform}
     * @throws Exception a failure, recorded in the run's metadata
     */
    protected List<ResultsDict> performSeveral(Map<String, Object> parameters) throws Exception {
        return null;
    }

    /**
     * Cleans up after one run; the default does nothing. Called after perform, and also when
     * perform failed (not when setUp failed).
     *
     * @throws Exception a failure, recorded in the run's metadata
     */
    protected void tearDown() throws Exception {
    }

    /**
     * Builds the results dict a run returns; override to add metadata, calling this.
     *
     * @param parameters the point
     * @param metadata   the run's metadata
     * @param results    the results, empty for several runs
     * @param runs       the several runs, or null
     * @return the results dict
     */
    protected ResultsDict report(Map<String, Object> parameters, Map<String, Object> metadata,
                                 Map<String, ?> results, List<ResultsDict> runs) {
        return runs == null ? new ResultsDict(parameters, metadata, results)
                : ResultsDict.of(parameters, metadata, runs);
    }

    /** @return the run's results dict; failures are caught and recorded, never thrown */
    public ResultsDict run() {
        return run(false);
    }

    /**
     * Runs the experiment at the current point.
     *
     * @param fatal if true, a failure is rethrown (unchecked; a checked exception as the cause
     *              of a RuntimeException) after it is recorded
     * @return the run's results dict
     */
    public ResultsDict run(boolean fatal) {
        Map<String, Object> md = new LinkedHashMap<>(16);
        metadata = md;
        md.put(EXPERIMENT, getClass().getName());
        // parameters(), not the field: a combinator reports its underlying experiment's point
        Map<String, Object> params = parameters();
        results = Map.of();
        runs = null;
        random = null;
        seeded = rootSeed != null;
        if (seeded) {
            long point = PointHash.of(params);
            runSeed = Seeds.derive(rootSeed, point, repetitionKey);
            md.put(POINT, PointHash.hex(point));
            md.put(SEED, runSeed);
        }
        LocalDateTime start = LocalDateTime.now(CLOCK).truncatedTo(ChronoUnit.MICROS);
        md.put(START_TIME, start);
        long t0 = System.nanoTime();
        long mark = t0;
        int phase = 0;
        double elapsed = 0;
        Map<String, ?> res = Map.of();
        List<ResultsDict> several = null;
        try {
            setUp(params);
            long t = System.nanoTime();
            elapsed += record(md, SETUP_TIME, t - mark);
            mark = t;
            phase = 1;
            several = performSeveral(params);
            if (several == null) {
                Map<String, ?> r = perform(params);
                res = r == null ? Map.of() : r;
            }
            t = System.nanoTime();
            elapsed += record(md, EXPERIMENT_TIME, t - mark);
            mark = t;
            phase = 2;
            tearDown();
            t = System.nanoTime();
            elapsed += record(md, TEARDOWN_TIME, t - mark);
            md.put(END_TIME, end(start, t - t0));
            md.put(ELAPSED_TIME, elapsed);
            md.put(STATUS, Boolean.TRUE);
        } catch (Exception | AssertionError | StackOverflowError ex) {
            String traceback = traceback(ex);
            if (phase == 1) {
                try {
                    tearDown();
                } catch (Exception | AssertionError te) {   // swallowed like any failure of a phase
                    LOG.error("Exception in teardown, ignored", te);
                }
            }
            if (phase < 2) {
                res = Map.of();
                several = null;
            }
            md.put(END_TIME, end(start, System.nanoTime() - t0));
            md.put(ELAPSED_TIME, elapsed);
            md.put(STATUS, Boolean.FALSE);
            md.put(EXCEPTION, ex);
            md.put(TRACEBACK, traceback);
            if (fatal) {
                results = res;
                runs = several;
                if (ex instanceof RuntimeException re) {
                    throw re;
                }
                if (ex instanceof Error err) {
                    throw err;
                }
                throw new RuntimeException(ex.getMessage(), ex);
            }
            LOG.error("Caught exception in experiment: {}", ex.toString());
        }
        // complete the nested runs only now, when the outer metadata holds the status, so each nested run inherits it
        if (several != null) {
            several = complete(several, params, md);
        }
        results = res;
        runs = several;
        return report(params, md, res, several);
    }

    private static double record(Map<String, Object> md, String key, long nanos) {
        double seconds = nanos / 1e9;
        md.put(key, seconds);
        return seconds;
    }

    private static LocalDateTime end(LocalDateTime start, long nanos) {
        return start.plusNanos(nanos).truncatedTo(ChronoUnit.MICROS);
    }

    private static List<ResultsDict> complete(List<ResultsDict> several, Map<String, Object> params,
                                              Map<String, Object> md) {
        List<ResultsDict> out = new ArrayList<>(several.size());
        for (ResultsDict r : several) {
            out.add(r.completedFrom(params, md));
        }
        return out;
    }

    /**
     * @param t an exception
     * @return its full stack trace text
     */
    static String traceback(Throwable t) {
        StringWriter w = new StringWriter(1024);
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    /**
     * Seeds this experiment's runs from a campaign's root seed: each run's {@link #random()}
     * generator is then seeded from the root, the point and the repetition, never from the order
     * points run in. Labs call this for {@link Lab#withSeed}; combinators pass it on.
     *
     * @param root the root seed, or null for unseeded runs
     */
    public void seedWith(Long root) {
        this.rootSeed = root;
    }

    /** @param key identifies the repetition a combinator is running (-1: none); part of the seed */
    void repetitionKey(long key) {
        this.repetitionKey = key;
    }

    /** @return the repetition key of the current run (-1 outside a repetition) */
    long repetitionKey() {
        return repetitionKey;
    }

    /**
     * The run's random generator. With a root seed (see {@link #seedWith}) it is seeded from the
     * root, the point and the repetition, so a point re-run alone gives the same numbers;
     * without, from a fresh random seed. Either way the seed is recorded in the run's metadata
     * ({@link #SEED}).
     *
     * @return the generator for this run
     */
    protected RandomGenerator random() {
        if (random == null) {
            if (!seeded) {
                runSeed = ThreadLocalRandom.current().nextLong();
                seeded = true;
                metadata.put(SEED, runSeed);
            }
            random = new SplittableRandom(runSeed);
        }
        return random;
    }

    /** @return true if the last run succeeded; false if it failed or there was none */
    public boolean success() {
        return Boolean.TRUE.equals(metadata.get(STATUS));
    }

    /** @return true if the last run failed; false if it succeeded or there was none */
    public boolean failed() {
        return Boolean.FALSE.equals(metadata.get(STATUS));
    }

    /** @return the current point (empty before any {@link #set}) */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** @return the last run's metadata (empty before any run); during a run, the live map */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /**
     * epyc's {@code e[k]}: one of the last run's results.
     *
     * @param resultName a result name
     * @return its value
     * @throws NoSuchElementException if the last run has no such result
     */
    public Object get(String resultName) {
        if (runs != null) {
            throw new IllegalStateException("The last run returned " + runs.size()
                    + " results dicts, not named results: use results().nested()");
        }
        if (!results.containsKey(resultName)) {
            throw new NoSuchElementException("No result " + resultName + " in the last run of "
                    + getClass().getName() + " (results: " + results.keySet() + ")");
        }
        return results.get(resultName);
    }

    /** @return the last run's results dict, rebuilt from the current state (epyc's {@code results()}) */
    public ResultsDict results() {
        return report(parameters(), metadata, results, runs);
    }

    /**
     * An experiment from a lambda: {@code Experiment.of(p -> Map.of("total", sum(p)))}.
     *
     * @param body computes the results of a point
     * @return the experiment
     */
    public static Experiment of(SerializableFunction<Map<String, Object>, Map<String, ?>> body) {
        return new LambdaExperiment(body);
    }

    /** The experiment {@link #of} builds. */
    static final class LambdaExperiment extends Experiment {
        private static final long serialVersionUID = 1L;
        private final SerializableFunction<Map<String, Object>, Map<String, ?>> body;

        LambdaExperiment(SerializableFunction<Map<String, Object>, Map<String, ?>> body) {
            this.body = java.util.Objects.requireNonNull(body, "body");
        }

        @Override
        protected Map<String, ?> perform(Map<String, Object> parameters) {
            return body.apply(parameters);
        }
    }
}
