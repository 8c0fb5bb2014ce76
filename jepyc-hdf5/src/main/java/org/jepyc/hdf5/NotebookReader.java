package org.jepyc.hdf5;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jepyc.LabNotebook;
import org.jepyc.NotebookFormatException;
import org.jepyc.NotebookVersionException;
import org.jepyc.ResultSet;
import org.jepyc.hdf5.h5.ColumnData;
import org.jepyc.hdf5.h5.Field;
import org.jepyc.hdf5.h5.ReadOnlyFile;
import org.jepyc.resultset.Category;
import org.jepyc.resultset.ColumnValues;
import org.jepyc.resultset.ResultTable;
import org.jepyc.resultset.ValueType;
import org.jepyc.storage.PendingJob;
import org.jepyc.storage.StoredNotebook;
import org.jepyc.storage.StoredSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a notebook in epyc's layout: root attributes, one group per result set (the default
 * first, then in the file's name order), each {@code results} table loaded a block of whole
 * columns at a time, then the {@code pending} jobs. It reads a {@link ReadOnlyFile}, never the
 * file itself.
 *
 * <p>Only what the last completed commit published is read: a table's rows up to its
 * {@link Layout#COMMITTED_ROWS} marker when jepyc wrote the file last. Anything a crashed commit
 * left half-made (links that cannot be followed, unreadable text attributes) is skipped with a
 * warning, never guessed at.
 */
final class NotebookReader {
    private static final Logger LOG = LoggerFactory.getLogger(NotebookReader.class);

    /** Rows read per HDF5 call: bounds the native buffer (about 100 bytes a row). */
    private static final int ROWS_PER_BLOCK = 1 << 16;

    private final ReadOnlyFile file;
    private final String name;
    private boolean jepycWroteLast;
    private final Set<String> repair = new HashSet<>();
    private boolean rootRepair;

    NotebookReader(ReadOnlyFile file) {
        this.file = file;
        this.name = file.path().toString();
    }

    /** What the root of the file says. */
    record Root(String description, String current, boolean locked, boolean jepycWroteLast) { }

    /**
     * What a load found.
     *
     * @param notebook       the notebook the file holds
     * @param repair         tags of the sets whose group the next commit must rewrite even if they did not
     *                       change: a table holds rows past its committed ones (after a crash), has no
     *                       marker (epyc wrote last), or a text attribute could not be read
     * @param rootRepair     true if a root text attribute could not be read: the next commit rewrites them
     * @param jepycWroteLast true if jepyc made the file's last commit
     */
    record Loaded(StoredNotebook notebook, Set<String> repair, boolean rootRepair, boolean jepycWroteLast) { }

    /** What a set's group holds, before its rows are read. */
    private record Group(String description, boolean locked, Map<String, Object> attributes, ReadOnlyFile.Table results,
            int resultRows, List<PendingJob> pending) { }

    /**
     * Checks the file is an epyc notebook of version "1" and reads its root attributes.
     *
     * @return the root attributes
     */
    Root root() {
        if (!file.hasAttribute("/", Layout.VERSION_ATTR)) {
            throw new NotebookFormatException(name + " is an HDF5 file but not an epyc notebook: its root has no '"
                    + Layout.VERSION_ATTR + "' attribute");
        }
        String version = file.attributeAsString("/", Layout.VERSION_ATTR);
        if (!Layout.VERSION.equals(version)) {
            throw new NotebookVersionException(name, Layout.VERSION, version);
        }
        if (!file.hasAttribute("/", Layout.CURRENT)) {
            throw new NotebookFormatException(name + " is not a complete epyc notebook: its root has no '"
                    + Layout.CURRENT + "' attribute (epyc 1.7.2 leaves it out of notebooks never committed)");
        }
        jepycWroteLast = optionalString("/", Layout.CREATOR, "").startsWith(Layout.JEPYC_PREFIX);
        String description = optionalString("/", Layout.DESCRIPTION, null);
        String current = optionalString("/", Layout.CURRENT, null);
        rootRepair = description == null || current == null;
        current = current == null ? LabNotebook.DEFAULT_RESULTSET : current;
        boolean locked = file.hasAttribute("/", Layout.LOCKED) && file.attributeBool("/", Layout.LOCKED);
        return new Root(description, current, locked, jepycWroteLast);
    }

    /** @return the result-set tags in load order: the default first, then name order */
    List<String> tags() {
        List<String> out = new ArrayList<>();
        for (String link : file.links("/")) {
            if (link.startsWith(Layout.RETIRED_PREFIX) || link.startsWith(Layout.STAGED_PREFIX)) {
                continue;
            }
            try {
                if (file.isGroup("/" + link)) {
                    out.add(link);
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: skipping /{}, which cannot be opened (left by an interrupted commit?): {}",
                        name, link, e.getMessage());
            }
        }
        if (out.remove(LabNotebook.DEFAULT_RESULTSET)) {
            out.add(0, LabNotebook.DEFAULT_RESULTSET);
        }
        return out;
    }

    /**
     * Loads the whole notebook.
     *
     * @return what the file holds
     */
    Loaded load() {
        Root root = root();
        List<StoredSet> sets = new ArrayList<>();
        for (String tag : tags()) {
            Group g = scan(tag);
            ResultTable table = new ResultTable();
            if (g.results() != null) {
                readResults(tag, g, table);
            }
            sets.add(new StoredSet(tag, g.description(), g.locked(), g.attributes(), table, g.pending()));
        }
        String stored = root.current();
        String current = stored;
        if (sets.stream().noneMatch(s -> s.tag().equals(stored))) {
            LOG.warn("{}: the current result set {} is not in the file (an interrupted commit?); selecting {}",
                    name, stored, LabNotebook.DEFAULT_RESULTSET);
            current = sets.stream().anyMatch(s -> s.tag().equals(LabNotebook.DEFAULT_RESULTSET))
                    ? LabNotebook.DEFAULT_RESULTSET : null;
            rootRepair = true;
        }
        StoredNotebook nb = new StoredNotebook(root.description(), current, root.locked(), sets);
        return new Loaded(nb, Set.copyOf(repair), rootRepair, jepycWroteLast);
    }

    /**
     * Reads what the file holds for one set, without its rows.
     *
     * @param tag a tag whose group exists
     * @return the group's contents
     */
    private Group scan(String tag) {
        String g = "/" + tag;
        String description = null;
        boolean locked = false;
        Map<String, Object> attributes = new LinkedHashMap<>();
        boolean unreadable = false;
        for (String a : file.attributeNames(g)) {
            if (a.equals(Layout.LOCKED)) {
                locked = file.attributeBool(g, a);
            } else if (a.equals(Layout.DESCRIPTION)) {
                description = optionalString(g, a, null);
                unreadable |= description == null;
            } else if (ResultSet.RESERVED_ATTRIBUTES.contains(a)) {
                LOG.warn("{}: result set {} has an attribute named {}, which jepyc reserves; not loaded", name, tag, a);
            } else {
                String v = optionalString(g, a, null);
                if (v != null) {
                    attributes.put(a, v);
                } else {
                    unreadable = true;
                }
            }
        }
        ReadOnlyFile.Table results = null;
        int resultRows = 0;
        List<PendingJob> pending = List.of();
        List<String> links = file.links(g);
        if (links.contains(Layout.RESULTS)) {
            results = file.table(g + "/" + Layout.RESULTS);
            long extent = results.size();
            long rows = publishedRows(results, extent);
            resultRows = (int) rows;
            unreadable |= rows != extent || !file.hasAttribute(results.path(), Layout.COMMITTED_ROWS) || !jepycWroteLast;
        }
        if (links.contains(Layout.PENDING)) {
            pending = readPending(g + "/" + Layout.PENDING);
        }
        if (unreadable) {
            repair.add(tag);
        }
        return new Group(description, locked, attributes, results, resultRows, pending);
    }

    private long publishedRows(ReadOnlyFile.Table t, long extent) {
        if (extent > Integer.MAX_VALUE) {
            throw new NotebookFormatException(name + ": " + t.path() + " has " + extent + " rows, more than jepyc holds");
        }
        if (jepycWroteLast && file.hasAttribute(t.path(), Layout.COMMITTED_ROWS)) {
            long marked = file.attributeLong(t.path(), Layout.COMMITTED_ROWS);
            if (marked < 0 || marked > extent) {
                throw new NotebookFormatException(name + ": " + t.path() + " says " + marked
                        + " rows were committed but holds " + extent);
            }
            if (marked < extent) {
                // normal while another process commits, and after a crash (the next commit repairs it)
                LOG.debug("{}: {} holds {} rows beyond the {} committed (a commit in progress or interrupted); "
                        + "reading the committed ones", name, t.path(), extent - marked, marked);
            }
            return marked;
        }
        return extent;
    }

    private void readResults(String tag, Group g, ResultTable into) {
        ReadOnlyFile.Table t = g.results();
        String path = t.path();
        Map<String, Category> categories = categories(t, path);
        List<String> names = t.fieldNames();
        Map<String, ValueType> types = new HashMap<>();
        for (Field f : t.fields()) {
            types.put(f.name(), Schema.valueType(name, categories.get(f.name()), f));
        }
        for (int from = 0; from < g.resultRows(); from += ROWS_PER_BLOCK) {
            int to = Math.min(g.resultRows(), from + ROWS_PER_BLOCK);
            Map<String, ColumnData> block = t.read(from, to);
            List<ColumnValues> cols = new ArrayList<>(names.size());
            for (String n : names) {
                ValueType vt = types.get(n);
                cols.add(new ColumnValues(categories.get(n), n, vt, ColumnCodec.fromData(block.get(n), vt)));
            }
            try {
                into.appendColumns(to - from, cols);
            } catch (IllegalArgumentException e) {
                throw new NotebookFormatException(name + ": " + path + " cannot be loaded: " + e.getMessage(), e);
            }
        }
    }

    /** epyc's field-name attributes say which category each field is in; a field they miss is a result. */
    private Map<String, Category> categories(ReadOnlyFile.Table t, String path) {
        Map<String, Category> out = new HashMap<>();
        String[] attrs = {Layout.METADATA_NAMES, Layout.PARAMETER_NAMES, Layout.RESULT_NAMES};
        Category[] cats = {Category.METADATA, Category.PARAMETERS, Category.RESULTS};
        for (int k = 0; k < attrs.length; k++) {
            if (file.hasAttribute(path, attrs[k])) {
                for (String n : file.attributeStrings(path, attrs[k])) {
                    out.put(n, cats[k]);
                }
            }
        }
        for (String f : t.fieldNames()) {
            if (!out.containsKey(f)) {
                LOG.warn("{}: field {} of {} is in none of its metadata/parameters/results lists; loading it as a result",
                        name, f, path);
                out.put(f, Category.RESULTS);
            }
        }
        return out;
    }

    private List<PendingJob> readPending(String path) {
        ReadOnlyFile.Table t = file.table(path);
        long rows = publishedRows(t, t.size());
        if (!t.fieldNames().contains(Layout.JOBID)) {
            throw new NotebookFormatException(name + ": " + path + " has no " + Layout.JOBID + " field");
        }
        Map<String, ColumnData> cols = t.read(0, rows);
        ColumnData ids = cols.get(Layout.JOBID);
        List<PendingJob> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Map<String, Object> params = new LinkedHashMap<>();
            for (Map.Entry<String, ColumnData> c : cols.entrySet()) {
                if (!c.getKey().equals(Layout.JOBID)) {
                    params.put(c.getKey(), ColumnCodec.valueIn(c.getValue().get(i)));
                }
            }
            out.add(new PendingJob(String.valueOf(ids.get(i)), params));
        }
        return out;
    }

    /** A text attribute, or the fallback if it is missing or unreadable (a crash mid-commit can do that). */
    private String optionalString(String object, String attr, String fallback) {
        try {
            return file.hasAttribute(object, attr) ? file.attributeAsString(object, attr) : fallback;
        } catch (RuntimeException e) {
            LOG.warn("{}: cannot read attribute {} of {} ({}); using {}", name, attr, object, e.getMessage(),
                    fallback == null ? "none" : "'" + fallback + "'");
            return fallback;
        }
    }
}
