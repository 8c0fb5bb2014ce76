package org.jepyc;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.dflib.DataFrame;
import org.jepyc.resultset.Category;
import org.jepyc.resultset.Column;
import org.jepyc.resultset.Frames;
import org.jepyc.resultset.MalformedRowException;
import org.jepyc.resultset.PendingTable;
import org.jepyc.resultset.ResultTable;
import org.jepyc.resultset.RowQuery;
import org.jepyc.resultset.Timestamps;
import org.jepyc.resultset.UnstorableValueException;
import org.jepyc.resultset.Values;
import org.jepyc.storage.PendingJob;
import org.jepyc.storage.Rows;
import org.jepyc.storage.SetSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One page of a notebook: an append-only table of results, the jobs still pending, a
 * description, attributes that document it, and a lock. Rows are kept as typed columns (see
 * {@link ResultTable}); pending jobs share the same parameter schema. The table refuses values
 * and rows with the engine's exceptions, which this class reports as the API's
 * ({@link UnsupportedValueException}, {@link ResultsStructureException}), and hands back empty
 * complex cells as the engine's zero, which this class gives users as {@link Complex}.
 *
 * <p>Not thread-safe, like epyc: one thread changes a result set (labs add results from one
 * thread).
 */
public class ResultSet {
    private static final Logger LOG = LoggerFactory.getLogger(ResultSet.class);

    /** Names that files use for a result set's own housekeeping, refused as attribute names: a file could not tell them apart. */
    public static final Set<String> RESERVED_ATTRIBUTES = Set.of("description", "locked", "results", "pending-results");

    private final ResultTable table;
    private final PendingTable pending = new PendingTable();
    /** {@link #pendingJobs()} as last made, and the pending table's version it was made at. */
    private List<PendingJob> pendingJobs = List.of();
    private long pendingJobsVersion;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private String description;
    private boolean locked;
    private boolean frozen;
    /** The set as its file holds it (last committed or loaded); null if the file holds none of it. */
    private SetSnapshot committed;

    /** A result set described as "Results collected on" the current time. */
    public ResultSet() {
        this(null);
    }

    /** @param description its description, or null for "Results collected on" the current time */
    public ResultSet(String description) {
        this(description, new ResultTable());
        committed = snapshot();
    }

    /**
     * A set over a table read from a file; nothing of it counts as committed until the notebook says so.
     *
     * @param description its description, or null for "Results collected on" the current time
     * @param table       its rows, owned by the set from now on
     */
    ResultSet(String description, ResultTable table) {
        this.description = description != null ? description
                : "Results collected on " + Timestamps.format(LocalDateTime.now()).replace('T', ' ');
        this.table = table;
    }

    ResultTable table() { return table; }

    /** @return the description */
    public String description() { return description; }

    /** @param d the new description (allowed on a finished set, as in epyc; not on a read-only one) */
    public void setDescription(String d) {
        if (frozen) {
            throw new ResultSetLockedException("set the description of a result set opened read-only");
        }
        description = d;
    }

    /**
     * Sets an attribute documenting the set (what a column means, its units).
     *
     * @param k the attribute name (not one of {@link #RESERVED_ATTRIBUTES})
     * @param v its value: a number, boolean, string, date-time, or list of these
     */
    public void setAttribute(String k, Object v) {
        assertUnlocked("set attribute " + k);
        if (k == null || k.isBlank() || RESERVED_ATTRIBUTES.contains(k)) {
            throw new IllegalArgumentException("Attribute name " + (k == null ? "null" : "'" + k + "'")
                    + " is not allowed: names must be non-blank and not one of " + RESERVED_ATTRIBUTES);
        }
        try {
            attributes.put(k, Values.normalise("attribute " + k, v));
        } catch (UnstorableValueException e) {
            throw EngineBoundary.translated(e);
        }
    }

    /**
     * @param k an attribute name
     * @return its value
     * @throws NoSuchElementException if there is no such attribute
     */
    public Object getAttribute(String k) {
        if (!attributes.containsKey(k)) {
            throw new NoSuchElementException("No attribute " + k + " (attributes: " + attributes.keySet() + ")");
        }
        return attributes.get(k);
    }

    /**
     * @param k an attribute name
     * @throws NoSuchElementException if there is no such attribute
     */
    public void deleteAttribute(String k) {
        assertUnlocked("delete attribute " + k);
        getAttribute(k);
        attributes.remove(k);
    }

    /** @param k a name @return true if the attribute exists */
    public boolean hasAttribute(String k) { return attributes.containsKey(k); }

    /** @return the attribute names, in the order set */
    public Set<String> attributeNames() { return Collections.unmodifiableSet(new LinkedHashSet<>(attributes.keySet())); }

    /** @return the parameter names, sorted */
    public List<String> parameterNames() { return table.names(Category.PARAMETERS); }

    /** @return the metadata names, sorted (empty until the first result) */
    public List<String> metadataNames() { return table.names(Category.METADATA); }

    /** @return the result names, sorted (empty until the first successful result) */
    public List<String> resultNames() { return table.names(Category.RESULTS); }

    /** @return the number of rows, cancelled jobs included */
    public int numberOfResults() { return table.rows(); }

    /** @return the number of jobs still pending */
    public int numberOfPendingResults() { return pending.size(); }

    /**
     * Appends one result as a row; a results dict holding several runs adds each.
     *
     * @param r the result
     * @throws ResultSetLockedException if the set is locked
     * @throws UnsupportedValueException if a value cannot be stored; nothing is added (none of
     *                                   the runs of a results dict holding several)
     */
    public void addSingleResult(ResultsDict r) {
        assertUnlocked("add a result");
        try {
            table.appendAll(r.flatten());
        } catch (UnstorableValueException | MalformedRowException e) {
            throw EngineBoundary.translated(e);
        }
    }

    /**
     * Records a submitted job.
     *
     * @param parameters the job's point; it must give every known parameter, and may add new ones
     * @param jobId      the job id, not already pending here
     */
    public void addPendingResult(Map<String, ?> parameters, String jobId) {
        assertUnlocked("add a pending result");
        try {
            addPending(parameters, jobId);
        } catch (UnstorableValueException e) {
            throw EngineBoundary.translated(e);
        }
    }

    private void addPending(Map<String, ?> parameters, String jobId) {
        if (jobId == null || jobId.isEmpty()) {
            throw new IllegalArgumentException("A pending result needs a non-empty job id");
        }
        if (pending.contains(jobId)) {
            throw new IllegalArgumentException("Duplicate pending result " + jobId + ": that job id is already pending");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : parameters.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException("A parameter name is null or blank in " + parameters);
            }
            params.put(e.getKey(), Values.normalise(e.getKey(), e.getValue()));
        }
        List<String> missing = new ArrayList<>(table.names(Category.PARAMETERS));
        missing.removeAll(params.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Missing experimental parameters " + missing + " for job " + jobId);
        }
        for (Map.Entry<String, Object> e : params.entrySet()) {
            if (table.column(Category.PARAMETERS, e.getKey()) != null) {
                table.checkParameter(e.getKey(), e.getValue());
            }
        }
        params.forEach(table::addParameter);
        pending.add(jobId, params);
    }

    /**
     * A pending job came back: its result becomes a row and the job is no longer pending.
     *
     * @param r     the job's result
     * @param jobId the pending job
     * @throws PendingResultException if the job is not pending here
     */
    public void resolvePendingResult(ResultsDict r, String jobId) {
        assertUnlocked("resolve a pending result");
        if (!pending.contains(jobId)) {
            throw new PendingResultException(jobId);
        }
        addSingleResult(r);
        pending.remove(jobId);
    }

    /**
     * Cancels a pending job: it becomes a failed row whose exception is "Cancelled".
     *
     * @param jobId the pending job
     * @throws PendingResultException if the job is not pending here
     */
    public void cancelPendingResult(String jobId) {
        assertUnlocked("cancel a pending result");
        Map<String, Object> params = pending.parameters(jobId);
        if (params == null) {
            throw new PendingResultException(jobId);
        }
        CancelledException ex = new CancelledException();
        Map<String, Object> md = new LinkedHashMap<>();
        md.put(Experiment.STATUS, Boolean.FALSE);
        md.put(Experiment.END_TIME, Timestamps.truncate(LocalDateTime.now()));
        md.put(Experiment.EXCEPTION, ex);
        md.put(Experiment.TRACEBACK, Experiment.traceback(ex));
        try {
            table.append(new ResultsDict(params, md, Map.of()));
        } catch (UnstorableValueException | MalformedRowException e) {
            throw EngineBoundary.translated(e);
        }
        pending.remove(jobId);
        LOG.info("Cancelled {}", jobId);
    }

    /**
     * Gives a pending job a new id, keeping its parameters: for a job resubmitted because the
     * service that ran it forgot it (a cluster restarted).
     *
     * @param oldJobId a job pending here
     * @param newJobId its new id, not already pending here
     * @throws PendingResultException if the old job is not pending here
     */
    public void rekeyPendingResult(String oldJobId, String newJobId) {
        assertUnlocked("re-key a pending result");
        if (newJobId == null || newJobId.isEmpty() || pending.contains(newJobId)) {
            throw new IllegalArgumentException("Cannot re-key " + oldJobId + " as '" + newJobId
                    + "': the new id is empty or already pending");
        }
        Map<String, Object> params = pending.remove(oldJobId);
        if (params == null) {
            throw new PendingResultException(oldJobId);
        }
        pending.add(newJobId, params);
    }

    /** @return the pending job ids, in the order submitted */
    public List<String> pendingResults() { return pending.ids(); }

    /**
     * @param parameters a partial point; a collection value means "any of these"
     * @return ids of the pending jobs matching it
     */
    public List<String> pendingResultsFor(Map<String, ?> parameters) {
        if (pending.size() == 0) {
            return new ArrayList<>();
        }
        checkNames(parameters);
        return pending.matching(query(parameters));
    }

    /**
     * @param jobId a pending job
     * @return its parameters
     * @throws NoSuchElementException if it is not pending here
     */
    public Map<String, Object> pendingResultParameters(String jobId) {
        Map<String, Object> p = pending.parameters(jobId);
        if (p == null) {
            throw new PendingResultException(jobId);
        }
        return p;
    }

    /** @param jobId a job id @return true if it is pending here */
    public boolean isPending(String jobId) { return pending.contains(jobId); }

    /** @return true if nothing is pending */
    public boolean ready() { return pending.size() == 0; }

    /** @return results / (results + pending), or 1.0 when both are zero */
    public double readyFraction() {
        int r = numberOfResults();
        int p = numberOfPendingResults();
        return r + p == 0 ? 1.0 : (double) r / (r + p);
    }

    /** @return every row as a results dict, failures included */
    public List<ResultsDict> results() {
        return rowsAsResults(null);
    }

    /**
     * @param parameters a partial point
     * @return the matching rows as results dicts, failures included
     */
    public List<ResultsDict> resultsFor(Map<String, ?> parameters) {
        return rowsAsResults(select(parameters, false));
    }

    private List<ResultsDict> rowsAsResults(int[] rows) {
        int n = rows == null ? table.rows() : rows.length;
        List<ResultsDict> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(table.row(rows == null ? i : rows[i], EngineBoundary::userValue, ResultsDict::new));
        }
        return out;
    }

    /** @return every row, failures included, as a detached data frame (no columns when empty) */
    public DataFrame dataframe() { return dataframe(false); }

    /**
     * @return the rows as an aligned table: parameters, then results; long sets show their first
     *         and last rows and the row count ({@link Table} prints metadata too, or more rows)
     */
    @Override
    public String toString() {
        return Table.of(this).toString();
    }

    /**
     * @param onlySuccessful keep only rows whose status is true
     * @return the rows as a detached data frame
     */
    public DataFrame dataframe(boolean onlySuccessful) {
        return Frames.of(table, onlySuccessful ? successfulRows(null) : null, EngineBoundary::userValue);
    }

    /**
     * @param parameters a partial point; a collection value means "any of these"
     * @return the matching rows, failures included
     */
    public DataFrame dataframeFor(Map<String, ?> parameters) { return dataframeFor(parameters, false); }

    /**
     * @param parameters     a partial point
     * @param onlySuccessful keep only rows whose status is true
     * @return the matching rows
     */
    public DataFrame dataframeFor(Map<String, ?> parameters, boolean onlySuccessful) {
        if (table.rows() == 0) {
            return DataFrame.empty();
        }
        return Frames.of(table, select(parameters, onlySuccessful), EngineBoundary::userValue);
    }

    private int[] select(Map<String, ?> parameters, boolean onlySuccessful) {
        if (table.rows() == 0) {
            return new int[0];
        }
        checkNames(parameters);
        int[] rows = query(parameters).select(table);
        return onlySuccessful ? successfulRows(rows) : rows;
    }

    private static RowQuery query(Map<String, ?> parameters) {
        try {
            return RowQuery.of(parameters);
        } catch (UnstorableValueException e) {
            throw EngineBoundary.translated(e);
        }
    }

    private int[] successfulRows(int[] rows) {
        if (rows == null) {
            return RowQuery.filter(table.rows(), table::succeeded);
        }
        return java.util.Arrays.stream(rows).filter(table::succeeded).toArray();
    }

    private void checkNames(Map<String, ?> parameters) {
        List<String> unexpected = new ArrayList<>(parameters.keySet());
        unexpected.removeAll(parameterNames());
        if (!unexpected.isEmpty()) {
            throw new IllegalArgumentException("Unexpected experimental parameters " + unexpected
                    + ": this result set's parameters are " + parameterNames());
        }
    }

    /**
     * @param name a parameter name
     * @return the distinct values it takes among the results (pending jobs excluded)
     */
    public Set<Object> parameterRange(String name) {
        Column c = table.column(Category.PARAMETERS, name);
        if (c == null) {
            throw new NoSuchElementException("No experimental parameter " + name);
        }
        Set<Object> out = new LinkedHashSet<>();
        for (int i = 0; i < table.rows(); i++) {
            out.add(EngineBoundary.userValue(c.get(i)));
        }
        return out;
    }

    /** @return each parameter name with the distinct values it takes among the results */
    public Map<String, Set<Object>> parameterSpace() {
        Map<String, Set<Object>> out = new LinkedHashMap<>();
        for (String p : parameterNames()) {
            out.put(p, parameterRange(p));
        }
        return out;
    }

    /** Cancels every pending job, then locks the set for good. Does nothing if already locked. */
    public void finish() {
        if (locked) {
            return;
        }
        if (frozen) {
            throw new ResultSetLockedException("finish a result set opened read-only");
        }
        for (String job : pending.ids()) {
            cancelPendingResult(job);
        }
        locked = true;
    }

    /** @return true once {@link #finish()} has run, or if the set was opened read-only */
    public boolean isLocked() { return locked || frozen; }

    /** @return true once {@link #finish()} has run (the lock a file stores), whether or not the set is read-only */
    public boolean isFinished() { return locked; }

    /**
     * @return true if the set changed since it was last committed (for a set of an in-memory
     *         notebook: since it was made); always true for a set its file does not hold yet
     */
    public boolean isDirty() { return !snapshot().equals(committed); }

    /** @return true if the set's columns differ from those last committed */
    boolean isTypeChanged() {
        return !table.columns().isEmpty() && (committed == null || !committed.schema().equals(snapshot().schema()));
    }

    /** @return the set as it is now, as a commit hands it to a file format */
    SetSnapshot snapshot() {
        return new SetSnapshot(description, locked, attributes, new Rows(table.columns(), table.rows()), pendingJobs());
    }

    /**
     * The pending jobs as a commit describes them, made again only when a job was added or
     * removed since: a campaign on a cluster keeps many jobs pending and commits often, and
     * {@link #isDirty()} may be asked at any time.
     */
    private List<PendingJob> pendingJobs() {
        if (pendingJobsVersion != pending.version()) {
            List<PendingJob> jobs = new ArrayList<>(pending.size());
            for (String id : pending.ids()) {
                jobs.add(new PendingJob(id, pending.parameters(id)));
            }
            pendingJobs = List.copyOf(jobs);   // immutable, so each snapshot shares it rather than copying
            pendingJobsVersion = pending.version();
        }
        return pendingJobs;
    }

    /** @return the set as its file holds it, or null if the file holds none of it */
    SetSnapshot committed() { return committed; }

    /** @param s the set as its file now holds it, or null if the file holds none of it */
    void committed(SetSnapshot s) { committed = s; }

    /** Makes the set read-only without finishing it (its pending jobs stay): for notebooks opened read-only. */
    void freeze() {
        frozen = true;
    }

    /** Takes the set as it is now as committed (what a successful commit does). */
    void markSaved() {
        committed = snapshot();
    }

    private void assertUnlocked(String what) {
        if (locked || frozen) {
            LOG.debug("Result set locked: cannot {}", what);
            throw new ResultSetLockedException(what);
        }
    }
}
