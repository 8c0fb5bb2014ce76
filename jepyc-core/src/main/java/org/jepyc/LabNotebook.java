package org.jepyc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

import org.dflib.DataFrame;
import org.jepyc.storage.NotebookHeader;
import org.jepyc.storage.NotebookStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A collection of tagged result sets, one of them current. This class keeps a notebook in
 * memory; {@code JsonLabNotebook} and {@code Hdf5LabNotebook} persist the same notebook through a
 * {@link NotebookStorage}, written at {@link #commit()} and {@link #close()}.
 *
 * <p>The notebook keeps its result sets and which is current; its file, the writer lock and what
 * a commit writes are {@code NotebookFile}'s, rebuilding the sets from a file is
 * {@code StoredNotebookReader}'s, and choosing a format by extension is {@code FormatLookup}'s.
 *
 * <p>Pending jobs are found by asking the result sets, so a job cancelled by
 * {@link ResultSet#finish()} is no longer pending anywhere (epyc kept a second list that a
 * finished set's cancelled jobs stayed in).
 */
public class LabNotebook implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LabNotebook.class);

    /** Tag of the result set every notebook starts with. */
    public static final String DEFAULT_RESULTSET = "epyc.resultset.default";
    /** Description of a notebook given none. */
    public static final String DEFAULT_DESCRIPTION = "A notebook";

    private final String name;
    /** The notebook's file; null for a notebook kept in memory. */
    private final NotebookFile file;
    private final Map<String, ResultSet> sets = new LinkedHashMap<>();
    private String description;
    private String currentTag;
    private boolean locked;
    private boolean readOnly;

    /** An empty in-memory notebook. */
    public LabNotebook() {
        this("", null);
    }

    /**
     * @param name        a name for the notebook
     * @param description its description, or null for "A notebook"
     */
    public LabNotebook(String name, String description) {
        this.name = Objects.requireNonNull(name, "name");
        this.file = null;
        this.description = description == null ? DEFAULT_DESCRIPTION : description;
        addResultSet(DEFAULT_RESULTSET);
    }

    /**
     * A persistent notebook: opens the storage and loads what it holds.
     *
     * @param storage     the file format and location
     * @param mode        how to treat an existing file
     * @param description overrides the stored description if not null
     */
    @SuppressWarnings("exports")     // storage is exported only to the format modules, whose notebooks call this
    protected LabNotebook(NotebookStorage storage, OpenMode mode, String description) {
        this.file = new NotebookFile(storage);
        this.name = storage.name();
        this.description = DEFAULT_DESCRIPTION;
        addResultSet(DEFAULT_RESULTSET);
        NotebookStorage.Opened opened = file.open(mode);
        try {
            switch (opened) {
                case STORED -> restore(StoredNotebookReader.read(name, file.load()));
                case NOTHING_STORED -> file.markCommitted(header(), sets);   // nothing to write until something is added
                default -> { }                                                // the first commit writes, whatever it holds
            }
            if (file.isReadOnly()) {
                sets.values().forEach(ResultSet::freeze);
                readOnly = true;
            }
            if (description != null && !description.equals(this.description)) {
                setDescription(description);
            }
            if (opened == NotebookStorage.Opened.CREATED_AT_OPEN) {
                commit();
            }
        } catch (RuntimeException e) {
            // a notebook that failed to open holds nothing: neither its file nor its lock
            throw file.abandoned(e);
        }
    }

    /** Takes what the file holds as the notebook, and as committed. */
    private void restore(StoredNotebookReader.Restored stored) {
        if (stored.description() != null) {
            description = stored.description();
        }
        sets.putAll(stored.sets());
        if (stored.currentTag() != null) {
            currentTag = stored.currentTag();
        }
        if (stored.locked()) {
            sets.values().forEach(ResultSet::finish);
            locked = true;
        }
        file.markCommitted(header(), sets);
    }

    private NotebookHeader header() {
        return new NotebookHeader(description, currentTag, locked, new ArrayList<>(sets.keySet()));
    }

    /**
     * Opens the notebook in a file, or starts one there ({@link OpenMode#OPEN_OR_CREATE}), in the
     * format its extension names: {@code .json} for JSON, {@code .h5} or {@code .hdf5} for HDF5.
     *
     * @param file the notebook file
     * @return the persistent notebook
     * @throws NotebookException if no format on the class path reads files named so (the message
     *                           lists the known extensions, or names the module to add), or the
     *                           file cannot be opened
     */
    public static LabNotebook open(java.nio.file.Path file) {
        return open(file, OpenMode.OPEN_OR_CREATE);
    }

    /**
     * Opens the notebook in a file in the format its extension names, as {@link #open(java.nio.file.Path)}.
     *
     * @param file the notebook file
     * @param mode how to treat an existing file
     * @return the persistent notebook
     * @throws NotebookExistsException for {@link OpenMode#CREATE_NEW} on a non-empty file
     * @throws NotebookException       if no format reads files named so, or the file cannot be opened
     */
    public static LabNotebook open(java.nio.file.Path file, OpenMode mode) {
        return FormatLookup.open(Objects.requireNonNull(file, "file"), Objects.requireNonNull(mode, "mode"), false);
    }

    /**
     * Opens an existing notebook file, in the format its extension names, without ever writing
     * it: it behaves as locked.
     *
     * @param file the notebook file
     * @return the notebook, read-only
     * @throws NotebookException if no format reads files named so, or the file is missing
     *                           (nothing is created) or unreadable
     */
    public static LabNotebook openReadOnly(java.nio.file.Path file) {
        return FormatLookup.open(Objects.requireNonNull(file, "file"), OpenMode.OPEN_OR_CREATE, true);
    }

    /** @return the name: a file path or URL for persistent notebooks */
    public String name() { return name; }

    /** @return the description */
    public String description() { return description; }

    /** @param d the new description */
    public void setDescription(String d) {
        assertUnlocked("set the description");
        description = Objects.requireNonNull(d, "description");
    }

    /** @return true for notebooks kept in a file */
    public boolean isPersistent() { return file != null; }

    /**
     * Adds a result set and makes it current; an existing set with that tag is replaced (use
     * {@link #already} to avoid that).
     *
     * @param tag the tag
     * @return the new set
     */
    public ResultSet addResultSet(String tag) { return addResultSet(tag, null); }

    /**
     * @param tag         the tag
     * @param description its description, or null for "Results collected on" now
     * @return the new set, now current
     */
    public ResultSet addResultSet(String tag, String description) {
        assertUnlocked("add result set " + tag);
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("A result set tag must be a non-blank string, got "
                    + (tag == null ? "null" : "'" + tag + "'"));
        }
        ResultSet rs = new ResultSet(description);
        if (file != null) {
            rs.committed(null);     // its file holds none of it: the next commit writes it, even empty, as epyc's HDF5 does
        }
        sets.put(tag, rs);
        currentTag = tag;
        return rs;
    }

    /**
     * @param tag a tag
     * @return the set, now current
     * @throws NoSuchElementException if there is none (allowed on a locked notebook)
     */
    public ResultSet select(String tag) {
        ResultSet rs = resultSet(tag);
        currentTag = tag;
        return rs;
    }

    /** @return the current result set */
    public ResultSet current() { return sets.get(currentTag); }

    /** @return the current result set's tag */
    public String currentTag() { return currentTag; }

    /**
     * @param tag a tag
     * @return the set
     * @throws NoSuchElementException if there is none
     */
    public ResultSet resultSet(String tag) {
        ResultSet rs = sets.get(tag);
        if (rs == null) {
            throw new NoSuchElementException("No result set " + tag + " in notebook " + name + " (sets: " + sets.keySet() + ")");
        }
        return rs;
    }

    /** @return the tags in the order the sets were added (the default first) */
    public List<String> resultSets() { return new ArrayList<>(sets.keySet()); }

    /** @return the number of result sets */
    public int numberOfResultSets() { return sets.size(); }

    /** @param tag a tag @return true if the notebook has that set */
    public boolean contains(String tag) { return sets.containsKey(tag); }

    /**
     * @param rs a result set
     * @return its tag
     * @throws NoSuchElementException if it is not in this notebook
     */
    public String resultSetTag(ResultSet rs) {
        for (Map.Entry<String, ResultSet> e : sets.entrySet()) {
            if (e.getValue() == rs) {
                return e.getKey();
            }
        }
        throw new NoSuchElementException("The result set is not in notebook " + name);
    }

    /**
     * Deletes a result set, which may not be the current or the default one.
     *
     * @param tag its tag
     */
    public void deleteResultSet(String tag) {
        assertUnlocked("delete result set " + tag);
        resultSet(tag);
        if (tag.equals(currentTag)) {
            throw new IllegalArgumentException("Can't delete current result set (" + tag + "): select another first");
        }
        if (tag.equals(DEFAULT_RESULTSET)) {
            throw new IllegalArgumentException("Can't delete the default result set");
        }
        sets.remove(tag);
    }

    /** @param rs the result set to delete */
    public void deleteResultSet(ResultSet rs) { deleteResultSet(resultSetTag(rs)); }

    /**
     * Selects the set if it exists, otherwise adds it.
     *
     * @param tag         a tag
     * @param description the description of a new set (ignored for an existing one)
     * @return true if the set already existed
     */
    public boolean already(String tag, String description) {
        if (sets.containsKey(tag)) {
            select(tag);
            return true;
        }
        addResultSet(tag, description);
        return false;
    }

    /** @param tag a tag @return as {@link #already(String, String)} with no description */
    public boolean already(String tag) { return already(tag, null); }

    /** @param r a result (several runs add one row each) for the current set */
    public void addResult(ResultsDict r) { current().addSingleResult(r); }

    /** @param r a result @param tag the set to add it to */
    public void addResult(ResultsDict r, String tag) { resultSet(tag).addSingleResult(r); }

    /** @param rs results for the current set, added in order */
    public void addResults(Collection<ResultsDict> rs) {
        ResultSet set = current();
        for (ResultsDict r : rs) {
            set.addSingleResult(r);
        }
    }

    /** @param parameters a submitted job's point @param jobId its id; recorded in the current set */
    public void addPendingResult(Map<String, ?> parameters, String jobId) {
        addPendingResult(parameters, jobId, currentTag);
    }

    /**
     * @param parameters a submitted job's point
     * @param jobId      its id
     * @param tag        the set to record it in
     */
    public void addPendingResult(Map<String, ?> parameters, String jobId, String tag) {
        assertUnlocked("add a pending result");
        resultSet(tag).addPendingResult(parameters, jobId);
    }

    /**
     * A job came back: its result goes to the set that holds the job, whichever is current.
     *
     * @param r     the result
     * @param jobId the job
     * @throws PendingResultException if no set has the job pending
     */
    public void resolvePendingResult(ResultsDict r, String jobId) {
        assertUnlocked("resolve a pending result");
        owner(jobId).resolvePendingResult(r, jobId);
    }

    /**
     * @param jobId a pending job, cancelled into a failed row of its set
     * @throws PendingResultException if no set has the job pending
     */
    public void cancelPendingResult(String jobId) {
        assertUnlocked("cancel a pending result");
        owner(jobId).cancelPendingResult(jobId);
    }

    /**
     * Gives a pending job a new id in the set that holds it (a resubmitted job).
     *
     * @param oldJobId a pending job
     * @param newJobId its new id
     * @throws PendingResultException if no set has the old job pending
     */
    public void rekeyPendingResult(String oldJobId, String newJobId) {
        assertUnlocked("re-key a pending result");
        owner(oldJobId).rekeyPendingResult(oldJobId, newJobId);
    }

    /**
     * @param jobId a pending job
     * @return its parameters
     * @throws NoSuchElementException if no set has it pending
     */
    public Map<String, Object> pendingResultParameters(String jobId) {
        return owner(jobId).pendingResultParameters(jobId);
    }

    /**
     * @param jobId a job id
     * @return the tag of the set that has it pending
     * @throws PendingResultException if none has
     */
    public String pendingResultTag(String jobId) {
        return resultSetTag(owner(jobId));
    }

    private ResultSet owner(String jobId) {
        for (ResultSet rs : sets.values()) {
            if (rs.isPending(jobId)) {
                return rs;
            }
        }
        throw new PendingResultException(jobId);
    }

    /** @return every pending job id, across all result sets */
    public List<String> allPendingResults() {
        Set<String> out = new LinkedHashSet<>();
        sets.values().forEach(rs -> out.addAll(rs.pendingResults()));
        return new ArrayList<>(out);
    }

    /** @return the number of pending jobs across all result sets */
    public int numberOfAllPendingResults() {
        int n = 0;
        for (ResultSet rs : sets.values()) {
            n += rs.numberOfPendingResults();
        }
        return n;
    }

    /** @return the number of results in the current set */
    public int numberOfResults() { return current().numberOfResults(); }

    /** @param tag a set @return its number of results */
    public int numberOfResults(String tag) { return resultSet(tag).numberOfResults(); }

    /** @return the number of pending jobs in the current set */
    public int numberOfPendingResults() { return current().numberOfPendingResults(); }

    /** @param tag a set @return its number of pending jobs */
    public int numberOfPendingResults(String tag) { return resultSet(tag).numberOfPendingResults(); }

    /** @return the current set's pending job ids */
    public List<String> pendingResults() { return current().pendingResults(); }

    /** @param tag a set @return its pending job ids */
    public List<String> pendingResults(String tag) { return resultSet(tag).pendingResults(); }

    /** @return true if the current set has nothing pending */
    public boolean ready() { return current().ready(); }

    /** @param tag a set @return true if it has nothing pending */
    public boolean ready(String tag) { return resultSet(tag).ready(); }

    /** @return the current set's ready fraction (1.0 when empty) */
    public double readyFraction() { return current().readyFraction(); }

    /** @param tag a set @return that set's ready fraction (epyc ignores the tag and answers for the current set) */
    public double readyFraction(String tag) { return resultSet(tag).readyFraction(); }

    /** @return the current set's rows as results dicts, failures included */
    public List<ResultsDict> results() { return current().results(); }

    /** @param tag a set @return its rows as results dicts, failures included */
    public List<ResultsDict> results(String tag) { return resultSet(tag).results(); }

    /** @param parameters a partial point @return the current set's matching rows, failures included */
    public List<ResultsDict> resultsFor(Map<String, ?> parameters) { return current().resultsFor(parameters); }

    /** @return the current set's successful rows (the notebook's default, unlike a result set's) */
    public DataFrame dataframe() { return dataframe(true); }

    /** @param onlySuccessful keep only successful rows @return the current set's rows */
    public DataFrame dataframe(boolean onlySuccessful) { return current().dataframe(onlySuccessful); }

    /**
     * @param tag            a set
     * @param onlySuccessful keep only successful rows
     * @return its rows
     */
    public DataFrame dataframe(String tag, boolean onlySuccessful) { return resultSet(tag).dataframe(onlySuccessful); }

    /** @param parameters a partial point @return the current set's matching successful rows */
    public DataFrame dataframeFor(Map<String, ?> parameters) { return current().dataframeFor(parameters, true); }

    /**
     * Writes a persistent notebook if anything changed since its file last held it (a notebook
     * opened with {@link OpenMode#OVERWRITE} is written at its first commit whatever it holds).
     * The format is handed one description of the change; if it fails, nothing counts as
     * written, and the next commit hands it the same change again, grown. Does nothing for an
     * in-memory or read-only notebook.
     */
    public void commit() {
        if (file != null) {
            file.commit(header(), sets);
        }
    }

    /** Finishes every result set (cancelling their pending jobs), locks the notebook and commits. */
    public void finish() {
        if (locked) {
            return;
        }
        assertUnlocked("finish");
        sets.values().forEach(ResultSet::finish);
        locked = true;
        commit();
    }

    /** @return true once the notebook is finished, or if it was opened read-only */
    public boolean isLocked() { return locked || readOnly; }

    /** @return true once the notebook is finished (the lock a file stores), whether or not it is read-only */
    public boolean isFinished() { return locked; }

    /** @return true if the notebook was opened read-only: nothing in it can change, and it is never written */
    public boolean isReadOnly() { return readOnly; }

    /** Commits a persistent notebook and releases its file. */
    @Override
    public void close() {
        if (file == null) {
            return;
        }
        try {
            commit();
        } finally {
            file.close();
        }
    }

    private void assertUnlocked(String what) {
        if (locked || readOnly) {
            LOG.debug("Lab notebook locked: cannot {}", what);
            throw new LabNotebookLockedException(what);
        }
    }

}
