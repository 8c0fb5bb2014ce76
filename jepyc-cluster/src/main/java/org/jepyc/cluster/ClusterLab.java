package org.jepyc.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jepyc.Design;
import org.jepyc.Experiment;
import org.jepyc.ExperimentalConfiguration;
import org.jepyc.FactorialDesign;
import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.jepyc.ProgressListener;
import org.jepyc.ProgressTracker;
import org.jepyc.cluster.admin.ClusterUnavailableException;
import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.admin.JepycHome;
import org.jepyc.cluster.client.Batch;
import org.jepyc.cluster.client.BatchBuilder;
import org.jepyc.cluster.client.CodeCheck;
import org.jepyc.cluster.client.CodePlan;
import org.jepyc.cluster.client.CollectionReport;
import org.jepyc.cluster.client.JobClient;
import org.jepyc.cluster.client.ResultCollector;
import org.jepyc.cluster.protocol.AllowList;
import org.jepyc.cluster.protocol.CodeBundle;
import org.jepyc.cluster.protocol.Names;
import org.jepyc.cluster.protocol.PayloadCodec;
import org.jepyc.cluster.protocol.Signer;
import org.jepyc.campaign.Provenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lab that runs experiments asynchronously on a jepyc cluster: {@link #runExperiment}
 * submits every point and returns at once, each point recorded as a pending result in the
 * notebook's current set; results are collected later — by this lab, or by another one in
 * another process that opens the same (persistent) notebook — into whichever set holds each
 * job.
 *
 * <h2>The job service, and why it is not {@code DurableExecutorService}</h2>
 * The cluster is a set of Hazelcast members ({@code jepyc cluster start}). Work is kept in three
 * maps and a queue: the signed task of each batch of points (by batch id), the batch's state
 * (queued, or running on member M, and how many workers it has lost), the signed result (by
 * batch id), and a queue of batch ids that worker threads take from. A worker claims a batch by
 * compare-and-set of its state, runs it, stores the result and only then removes the task; when a
 * member leaves, the oldest member puts its batches back in the queue (up to
 * {@link ClusterOptions#retries()} times, then the batch fails with a message). Results stay in
 * the cluster, under ids the notebook holds, until a client has committed them to the notebook
 * and discards them — so they survive the submitting process and any other process can collect
 * them. Hazelcast's {@code DurableExecutorService} also keeps results by task id, but its
 * per-partition ring buffer bounds how many (100,000 pending points would need a huge capacity),
 * its task ids are sequence numbers that restart with the cluster (an old job id could fetch a new
 * job's result after a restart), it fetches results one task at a time, and it ships the task as
 * a Java-serialised {@code Callable} that Hazelcast itself deserialises — before any signature
 * could be checked. The maps let us batch (a few hundred calls for 100,000 points), use random
 * batch ids that no restart can reuse, tell a lost job from a slow one, and keep every user class
 * inside signed byte arrays that only the worker opens, after checking the HMAC, through an
 * allow-list.
 *
 * <h2>Code the workers lack</h2>
 * Experiments defined where no jar holds them — in a program run by {@code jepyc run} or
 * {@code java Sweep.java}, in jshell, as lambdas there, or wrapped in combinators — reach the
 * workers in a signed {@link CodeBundle} stored once in the cluster and named by the tasks;
 * classes from jars must be on the workers' {@code --classpath}, identical to the client's (see
 * {@link CodeCheck} for the rule). The set's provenance records the workers' code fingerprints
 * and the bundle's name.
 *
 * <p>A job id is {@code <batch id>/<index>}. Unlike epyc this lab keeps its client connection open
 * between calls (reconnecting when needed) and {@link #close()} releases it; and it never sleeps
 * between submissions.
 */
public class ClusterLab extends Lab {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterLab.class);
    private static final int SUBMIT_GROUP = 64;
    private static final Duration MIN_POLL = Duration.ofMillis(20);
    /**
     * Result-set attribute holding the experiment the set's cluster jobs run, serialised (Base64),
     * so that a process other than the submitting one can resubmit lost jobs.
     */
    public static final String EXPERIMENT_ATTRIBUTE = Provenance.PREFIX + "cluster_experiment";
    /**
     * Result-set attribute holding the code the set's cluster jobs were submitted with (a
     * {@link CodeBundle}, Base64): the classes shipped and the worker classes checked, so that
     * lost jobs can be resubmitted without the experiment's classes.
     */
    public static final String CODE_ATTRIBUTE = Provenance.PREFIX + "cluster_code";
    /** Provenance: the name (SHA-256) of the code bundle the workers ran, when classes were shipped. */
    public static final String BUNDLE_ATTRIBUTE = Provenance.PREFIX + "code_bundle_sha256";

    private final ConnectionFile connection;
    private final ClusterOptions options;
    private final Signer signer;
    private final PayloadCodec codec;
    private JobClient client;
    private List<String> lost = List.of();
    private List<String> crashed = List.of();
    private Experiment lastExperiment;
    private ProgressTracker progress;

    /**
     * A lab on the default profile's cluster ({@code ~/.jepyc/profile_default}), connected at once.
     *
     * @param notebook where results go
     * @throws ClusterUnavailableException if the cluster cannot be reached
     */
    public ClusterLab(LabNotebook notebook) {
        this(notebook, JepycHome.connectionFile(null));
    }

    /**
     * @param notebook       where results go
     * @param connectionFile the cluster's connection file
     * @throws ClusterUnavailableException if the cluster cannot be reached
     */
    public ClusterLab(LabNotebook notebook, Path connectionFile) {
        this(notebook, connectionFile, new FactorialDesign());
    }

    /**
     * @param notebook       where results go
     * @param connectionFile the cluster's connection file
     * @param design how ranges become points (honoured, where epyc's ClusterLab ignores it)
     * @throws ClusterUnavailableException if the cluster cannot be reached
     */
    public ClusterLab(LabNotebook notebook, Path connectionFile, Design design) {
        this(notebook, connectionFile, design, ClusterOptions.defaults());
    }

    /**
     * @param notebook       where results go
     * @param connectionFile the cluster's connection file
     * @param design         how ranges become points
     * @param options        tuning
     * @throws ClusterUnavailableException if the cluster cannot be reached
     */
    public ClusterLab(LabNotebook notebook, Path connectionFile, Design design, ClusterOptions options) {
        this(notebook, ConnectionFile.read(connectionFile), design, options);
    }

    /**
     * @param notebook   where results go
     * @param connection the cluster
     * @param design     how ranges become points
     * @param options    tuning
     * @throws ClusterUnavailableException if the cluster cannot be reached
     */
    ClusterLab(LabNotebook notebook, ConnectionFile connection, Design design, ClusterOptions options) {
        super(notebook, design);
        this.connection = Objects.requireNonNull(connection, "connection");
        this.options = Objects.requireNonNull(options, "options");
        this.signer = new Signer(connection.secret());
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        this.codec = new PayloadCodec(new AllowList(options.allow()), loader == null ? getClass().getClassLoader() : loader);
        open();
    }

    /** @return the lab's tuning */
    public ClusterOptions options() { return options; }

    /**
     * Connects if not connected.
     *
     * @throws ClusterUnavailableException after {@link ClusterOptions#reconnections()} failed retries
     */
    public void open() {
        if (client == null || !client.isRunning()) {
            if (client != null) {
                client.close();
            }
            client = JobClient.connect(connection, options.connectTimeout(), options.reconnections());
        }
    }

    /** @return the number of experiments the cluster runs at once (its workers' threads) */
    public int numberOfEngines() {
        open();
        return client.engines();
    }

    @Override
    protected int parallelism() {
        return numberOfEngines();
    }

    /**
     * Submits every point and returns at once. Each point becomes a pending result in the
     * current set under its job id; the notebook is committed at the end. A failure of the cluster
     * while submitting is logged and ends the submission (the points submitted so far stay pending),
     * as in epyc; an experiment that cannot be serialised is an {@link IllegalArgumentException}.
     *
     * @param e the experiment
     */
    @Override
    public void runExperiment(Experiment e) {
        open();
        // checked before the notebook records anything of this run
        CodePlan code = CodeCheck.plan(CodeCheck.classesOf(List.of(e)), client.codeManifests());
        List<ExperimentalConfiguration> eps = pointsToRun(e);
        if (eps.isEmpty()) {
            return;
        }
        String bundle = store(code);
        org.jepyc.ResultSet rs = notebook().current();
        recordCode(rs, code, bundle);
        rs.setAttribute(EXPERIMENT_ATTRIBUTE, Base64.getEncoder().encodeToString(PayloadCodec.write(e)));
        rs.setAttribute(CODE_ATTRIBUTE, Base64.getEncoder().encodeToString(code.bundle().toBytes()));
        lastExperiment = e;
        int size = options.batchSize() > 0 ? options.batchSize() : BatchBuilder.automaticSize(eps.size(), client.engines());
        BatchBuilder builder = new BatchBuilder(signer, bundle);
        submit(eps.size(), (from, to) -> builder.build(eps.subList(from, to), size), size, null);
        // progress counts every job pending in the notebook, this submission's and earlier ones
        progress = new ProgressTracker(progressListener(), notebook().numberOfAllPendingResults());
    }

    /** Stores the plan's bundle in the cluster, if it ships classes; returns its name, or null. */
    private String store(CodePlan code) {
        if (code.bundle().shipsNothing()) {
            return null;
        }
        String name = code.bundle().hash();
        client.storeBundle(name, code.bundle().seal(signer));
        LOG.info("Shipping {} class file(s) the workers lack (code bundle {})", code.bundle().classNames().size(), name.substring(0, 12));
        return name;
    }

    /** Provenance: the code the workers run for this set's jobs. */
    private static void recordCode(org.jepyc.ResultSet rs, CodePlan code, String bundle) {
        Set<String> codes = new java.util.TreeSet<>(code.workersCode().values());
        if (!codes.isEmpty()) {
            rs.setAttribute(Provenance.PREFIX + "workers_code_sha256", String.join(",", codes));
        }
        if (bundle != null) {
            rs.setAttribute(BUNDLE_ATTRIBUTE, bundle);
        }
    }

    /**
     * Submits {@code count} points in groups, each group's batches made by {@code batches(from, to)};
     * records each point as pending (or rekeys the pending entries {@code rekey} names, in order).
     */
    private int submit(int count, java.util.function.BiFunction<Integer, Integer, List<Batch>> batches, int size,
                       List<String> rekey) {
        int done = 0;
        try {
            for (int from = 0; from < count; from += size * SUBMIT_GROUP) {
                int to = Math.min(count, from + size * SUBMIT_GROUP);
                List<Batch> group = batches.apply(from, to);
                client.submit(group, options.retries());
                int k = from;
                for (Batch b : group) {
                    for (int i = 0; i < b.points().size(); i++, k++) {
                        String job = Names.jobId(b.id(), i);
                        if (rekey == null) {
                            notebook().addPendingResult(b.points().get(i), job);
                        } else {
                            notebook().rekeyPendingResult(rekey.get(k), job);
                        }
                    }
                }
                done = to;
            }
            LOG.info("Submitted {} points in batches of {}", done, size);
        } catch (IllegalArgumentException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            LOG.error("Submission stopped after {} of {} points: {}", done, count, ex.toString());
        } finally {
            notebook().commit();
        }
        return done;
    }

    /** Collects whatever has finished. */
    @Override
    public void updateResults() {
        updateResults(false);
    }

    /**
     * Collects every finished job of every result set into the set that holds it, commits, and only
     * then lets the cluster forget the collected results. Does nothing if no set has a pending job
     * (the notebook-wide count, where epyc counts the current set only). Jobs the cluster no longer knows are reported in
     * {@link #lostJobs()} and logged.
     *
     * @param purge also cancel jobs that are lost or whose result cannot be read (they become
     *              "Cancelled" failed rows)
     * @return the number of results collected by this call
     */
    public int updateResults(boolean purge) {
        LabNotebook nb = notebook();
        if (nb.numberOfAllPendingResults() == 0) {
            lost = List.of();
            crashed = List.of();
            if (progress != null) {
                progress.finished();      // the last jobs were cancelled rather than collected
                progress = null;
            }
            return 0;
        }
        open();
        if (progress == null && progressListener() != ProgressListener.NONE) {
            // a lab that submitted nothing (collecting another process's campaign) tracks what is pending now
            progress = new ProgressTracker(progressListener(), nb.numberOfAllPendingResults());
        }
        CollectionReport c;
        try {
            ProgressTracker tracker = progress;
            c = new ResultCollector(client, signer, codec).collect(nb, r -> {
                if (tracker != null) {
                    tracker.completed(r);
                }
            });
            lost = c.lost();
            crashed = c.crashed();
            if (!lost.isEmpty()) {
                LOG.warn("{} pending jobs are unknown to the {} (restarted, or refused?): resubmitLost() runs them again{}",
                        lost.size(), connection.describe(), purge ? "; purged" : "");
            }
            if (purge) {
                Set<String> gone = new HashSet<>(lost);
                gone.addAll(crashed);
                Set<String> pending = new HashSet<>(nb.allPendingResults());
                for (String job : gone) {
                    if (pending.contains(job)) {
                        nb.cancelPendingResult(job);
                    }
                }
                lost = List.of();
                crashed = List.of();
            }
            if (tracker != null && nb.numberOfAllPendingResults() == 0) {
                tracker.finished();
                progress = null;
            }
        } finally {
            nb.commit();
        }
        client.discard(c.discard());
        return c.collected();
    }

    /** @return the pending jobs the last {@link #updateResults} found unknown to the cluster */
    public List<String> lostJobs() {
        return lost;
    }

    /** @return the pending jobs whose results the last {@link #updateResults} could not read */
    public List<String> crashedJobs() {
        return crashed;
    }

    /**
     * Runs the lost jobs again with the experiment this lab last submitted or, in a lab that has
     * submitted nothing (another process collecting), with the experiment and code each job's
     * result set stored when its jobs were submitted ({@link #EXPERIMENT_ATTRIBUTE},
     * {@link #CODE_ATTRIBUTE}): the experiment goes to the workers as stored, with its shipped
     * classes, so this process needs none of them; the workers' own classes must still be the
     * ones it was checked against.
     *
     * @return the number of points resubmitted
     * @throws IllegalStateException if a set holding lost jobs stored no experiment (or, for a set stored before
     *                               code was recorded, its classes cannot be loaded here: use
     *                               {@link #resubmitLost(Experiment)}), or the workers run other code
     */
    public int resubmitLost() {
        if (lastExperiment != null) {
            return resubmitLost(lastExperiment);
        }
        LabNotebook nb = notebook();
        Map<String, List<String>> bySet = new java.util.LinkedHashMap<>();
        Set<String> lostJobs = new HashSet<>(lost);
        for (String tag : nb.resultSets()) {
            for (String job : nb.resultSet(tag).pendingResults()) {
                if (lostJobs.contains(job)) {
                    bySet.computeIfAbsent(tag, k -> new ArrayList<>()).add(job);
                }
            }
        }
        int n = 0;
        for (Map.Entry<String, List<String>> e : bySet.entrySet()) {
            org.jepyc.ResultSet rs = nb.resultSet(e.getKey());
            n += rs.hasAttribute(CODE_ATTRIBUTE) && rs.hasAttribute(EXPERIMENT_ATTRIBUTE)
                    ? resubmitStored(e.getKey(), e.getValue())
                    : resubmit(e.getValue(), storedExperiment(e.getKey()));
        }
        lost = List.of();
        return n;
    }

    /**
     * Resubmits a set's lost jobs with the experiment and code the set stored: the experiment's
     * bytes go to the workers as they are, so this process needs none of its classes.
     */
    private int resubmitStored(String tag, List<String> jobsLost) {
        LabNotebook nb = notebook();
        org.jepyc.ResultSet rs = nb.resultSet(tag);
        byte[] experiment;
        CodeBundle bundle;
        try {
            experiment = Base64.getDecoder().decode(rs.getAttribute(EXPERIMENT_ATTRIBUTE).toString());
            bundle = CodeBundle.parse(Base64.getDecoder().decode(rs.getAttribute(CODE_ATTRIBUTE).toString()));
        } catch (java.io.IOException | IllegalArgumentException ex) {
            throw new IllegalStateException("Result set " + tag + " holds a damaged copy of the experiment its jobs were "
                    + "submitted with (" + ex.getMessage() + "): call resubmitLost(experiment)", ex);
        }
        Set<String> pending = new HashSet<>(nb.allPendingResults());
        List<String> jobs = new ArrayList<>();
        List<Map<String, Object>> points = new ArrayList<>();
        for (String job : jobsLost) {
            if (pending.contains(job)) {
                jobs.add(job);
                points.add(nb.pendingResultParameters(job));
            }
        }
        if (jobs.isEmpty()) {
            return 0;
        }
        open();
        CodePlan code = new CodePlan(bundle, CodeCheck.require(bundle, client.codeManifests()));
        String name = store(code);
        recordCode(rs, code, name);
        int size = options.batchSize() > 0 ? options.batchSize() : BatchBuilder.automaticSize(points.size(), client.engines());
        BatchBuilder builder = new BatchBuilder(signer, name);
        int n = submit(points.size(), (from, to) -> builder.build(experiment, points.subList(from, to), size), size, jobs);
        LOG.info("Resubmitted {} lost jobs of result set {}", n, tag);
        return n;
    }

    /** @return the experiment a set's cluster jobs were submitted with, as the set stored it */
    private Experiment storedExperiment(String tag) {
        org.jepyc.ResultSet rs = notebook().resultSet(tag);
        if (!rs.hasAttribute(EXPERIMENT_ATTRIBUTE)) {
            throw new IllegalStateException("Result set " + tag + " does not hold the experiment its jobs were submitted "
                    + "with: call resubmitLost(experiment)");
        }
        try {
            return codec.read(Base64.getDecoder().decode(rs.getAttribute(EXPERIMENT_ATTRIBUTE).toString()), Experiment.class);
        } catch (java.io.IOException | ClassNotFoundException | IllegalArgumentException ex) {
            throw new IllegalStateException("Cannot load the experiment result set " + tag + " was submitted with ("
                    + ex.getMessage() + "): put its classes on the class path, their packages in ClusterOptions.allow, "
                    + "or call resubmitLost(experiment)", ex);
        }
    }

    /**
     * Runs the jobs found lost by the last {@link #updateResults} again, from the parameters the
     * notebook holds, each in the result set that holds it; the pending entries take the new jobs'
     * ids.
     *
     * @param e the experiment to run them with
     * @return the number of points resubmitted
     */
    public int resubmitLost(Experiment e) {
        int n = resubmit(lost, e);
        lost = List.of();
        return n;
    }

    private int resubmit(List<String> jobsLost, Experiment e) {
        LabNotebook nb = notebook();
        Set<String> pending = new HashSet<>(nb.allPendingResults());
        List<String> jobs = new ArrayList<>();
        List<ExperimentalConfiguration> eps = new ArrayList<>();
        for (String job : jobsLost) {
            if (pending.contains(job)) {
                jobs.add(job);
                eps.add(new ExperimentalConfiguration(e, nb.pendingResultParameters(job)));
            }
        }
        if (eps.isEmpty()) {
            return 0;
        }
        open();
        CodePlan code = CodeCheck.plan(CodeCheck.classesOf(List.of(e)), client.codeManifests());
        String bundle = store(code);
        int size = options.batchSize() > 0 ? options.batchSize() : BatchBuilder.automaticSize(eps.size(), client.engines());
        BatchBuilder builder = new BatchBuilder(signer, bundle);
        int n = submit(eps.size(), (from, to) -> builder.build(eps.subList(from, to), size), size, jobs);
        LOG.info("Resubmitted {} lost jobs", n);
        return n;
    }

    /**
     * Waits until every pending result of every set is in, or the timeout passes (epyc's
     * {@code wait}). Polls at least every {@link ClusterOptions#waitingTime()}, and sooner
     * when results arrive. Returns false early, with a warning, when every job still pending is
     * lost or unreadable, since waiting cannot help those.
     *
     * @param timeout the longest wait; negative waits as long as needed
     * @return true if nothing is pending
     */
    public boolean waitFor(Duration timeout) {
        LabNotebook nb = notebook();
        if (nb.numberOfAllPendingResults() == 0) {
            return true;
        }
        boolean forever = timeout.isNegative();
        long deadline = forever ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        while (forever || System.nanoTime() < deadline) {
            open();
            long seen = client.arrivals();
            updateResults();
            int pending = nb.numberOfAllPendingResults();
            if (pending == 0) {
                return true;
            }
            if (lost.size() + crashed.size() >= pending) {
                LOG.warn("All {} pending jobs are lost or unreadable: not waiting for them", pending);
                return false;
            }
            long left = forever ? Long.MAX_VALUE : deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                client.awaitArrival(seen, Duration.ofNanos(Math.min(options.waitingTime().toNanos(), left)));
                Thread.sleep(MIN_POLL.toMillis());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return nb.numberOfAllPendingResults() == 0;
    }

    /**
     * Waits as long as needed (epyc's {@code wait()}).
     *
     * @return true when nothing is pending; false if what is left is lost
     */
    public boolean waitFor() {
        return waitFor(Duration.ofSeconds(-1));
    }

    /**
     * Cancels the current set's pending jobs: each becomes a "Cancelled" failed row; the
     * cluster still runs them, and their results are ignored.
     */
    public void cancelPendingResults() {
        LabNotebook nb = notebook();
        for (String job : nb.current().pendingResults()) {
            nb.cancelPendingResult(job);
        }
        nb.commit();
    }

    /** Releases the connection to the cluster (reopened when needed). */
    @Override
    public void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
