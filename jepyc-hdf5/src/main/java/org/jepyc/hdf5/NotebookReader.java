package org.jepyc.hdf5;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jepyc.LabNotebook;
import org.jepyc.NotebookFormatException;
import org.jepyc.NotebookVersionException;
import org.jepyc.ResultSet;
import org.jepyc.hdf5.h5.ColumnData;
import org.jepyc.hdf5.h5.Field;
import org.jepyc.hdf5.h5.ReadOnlyFile;
import org.jepyc.resultset.Category;
import org.jepyc.resultset.ColumnValues;
import org.jepyc.resultset.ValueType;
import org.jepyc.storage.NotebookLoader;
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
    private final Map<String, ReadOnlyFile.Table> tables = new HashMap<>();
    private final Map<String, Map<String, ColumnData>> pending = new HashMap<>();

    NotebookReader(ReadOnlyFile file) {
        this.file = file;
        this.name = file.path().toString();
    }

    /** What the root of the file says. */
    record Root(String description, String current, boolean locked, boolean jepycWroteLast) { }

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
        String current = optionalString("/", Layout.CURRENT, LabNotebook.DEFAULT_RESULTSET);
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
     * @param into the notebook's loader
     * @return what the file holds per tag
     */
    Map<String, SetRecord> load(NotebookLoader into) {
        Root root = root();
        Map<String, SetRecord> records = new LinkedHashMap<>();
        for (String tag : tags()) {
            SetRecord rec = scan(tag);
            ResultSet rs = into.resultSet(tag, rec.description);
            for (Map.Entry<String, String> a : rec.attributes.entrySet()) {
                if (ResultSet.RESERVED_ATTRIBUTES.contains(a.getKey())) {
                    LOG.warn("{}: result set {} has an attribute named {}, which jepyc reserves; not loaded",
                            name, tag, a.getKey());
                } else {
                    rs.setAttribute(a.getKey(), a.getValue());
                }
            }
            if (rec.resultFields != null) {
                readResults(tag, rec, rs, into);
            }
            if (rec.pendingFields != null) {
                readPending(tag, rec, rs);
            }
            if (Boolean.TRUE.equals(rec.locked)) {
                rs.finish();
            }
            rec.set = rs;
            records.put(tag, rec);
        }
        if (records.containsKey(root.current())) {
            into.current(root.current());
        } else {
            LOG.warn("{}: the current result set {} is not in the file (an interrupted commit?); selecting {}",
                    name, root.current(), LabNotebook.DEFAULT_RESULTSET);
            if (records.containsKey(LabNotebook.DEFAULT_RESULTSET)) {
                into.current(LabNotebook.DEFAULT_RESULTSET);
            }
        }
        if (root.description() != null) {
            into.description(root.description());
        }
        if (root.locked()) {
            into.locked();
        }
        return records;
    }

    /**
     * Reads what the file holds for one set, without its rows.
     *
     * @param tag a tag whose group exists
     * @return the record
     */
    SetRecord scan(String tag) {
        String g = "/" + tag;
        SetRecord rec = new SetRecord();
        for (String a : file.attributeNames(g)) {
            if (a.equals(Layout.LOCKED)) {
                rec.locked = file.attributeBool(g, a);
            } else if (a.equals(Layout.DESCRIPTION)) {
                rec.description = optionalString(g, a, null);
            } else {
                String v = optionalString(g, a, null);
                if (v != null) {
                    rec.attributes.put(a, v);
                }
            }
        }
        List<String> links = file.links(g);
        if (links.contains(Layout.RESULTS)) {
            ReadOnlyFile.Table t = file.table(g + "/" + Layout.RESULTS);
            long extent = t.size();
            long rows = publishedRows(t, extent);
            rec.resultFields = t.fields();
            rec.resultRows = (int) rows;
            rec.repair = rows != extent || !file.hasAttribute(t.path(), Layout.COMMITTED_ROWS) || !jepycWroteLast;
            tables.put(tag, t);
        }
        if (links.contains(Layout.PENDING)) {
            ReadOnlyFile.Table t = file.table(g + "/" + Layout.PENDING);
            long rows = publishedRows(t, t.size());
            if (!t.fieldNames().contains(Layout.JOBID)) {
                throw new NotebookFormatException(name + ": " + g + "/pending has no " + Layout.JOBID + " field");
            }
            rec.pendingFields = t.fields();
            Map<String, ColumnData> cols = t.read(0, rows);
            ColumnData ids = cols.get(Layout.JOBID);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                out.add(String.valueOf(ids.get(i)));
            }
            rec.pendingIds = out;
            pending.put(tag, cols);
        }
        return rec;
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

    private void readResults(String tag, SetRecord rec, ResultSet rs, NotebookLoader into) {
        String path = "/" + tag + "/" + Layout.RESULTS;
        ReadOnlyFile.Table t = tables.get(tag);
        {
            Map<String, Category> categories = categories(t, path);
            List<String> names = t.fieldNames();
            Map<String, ValueType> types = new HashMap<>();
            for (Field f : t.fields()) {
                types.put(f.name(), Schema.valueType(name, categories.get(f.name()), f));
            }
            for (int from = 0; from < rec.resultRows; from += ROWS_PER_BLOCK) {
                int to = Math.min(rec.resultRows, from + ROWS_PER_BLOCK);
                Map<String, ColumnData> block = t.read(from, to);
                List<ColumnValues> cols = new ArrayList<>(names.size());
                for (String n : names) {
                    ValueType vt = types.get(n);
                    cols.add(new ColumnValues(categories.get(n), n, vt, ColumnCodec.fromData(block.get(n), vt)));
                }
                try {
                    into.appendRows(rs, to - from, cols);
                } catch (IllegalArgumentException e) {
                    throw new NotebookFormatException(name + ": " + path + " cannot be loaded: " + e.getMessage(), e);
                }
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

    private void readPending(String tag, SetRecord rec, ResultSet rs) {
        String path = "/" + tag + "/" + Layout.PENDING;
        {
            Map<String, ColumnData> cols = pending.get(tag);
            for (int i = 0; i < rec.pendingIds.size(); i++) {
                Map<String, Object> params = new LinkedHashMap<>();
                for (Map.Entry<String, ColumnData> c : cols.entrySet()) {
                    if (!c.getKey().equals(Layout.JOBID)) {
                        params.put(c.getKey(), ColumnCodec.valueIn(c.getValue().get(i)));
                    }
                }
                try {
                    rs.addPendingResult(params, rec.pendingIds.get(i));
                } catch (IllegalArgumentException e) {
                    throw new NotebookFormatException(name + ": pending job " + rec.pendingIds.get(i) + " in " + path
                            + " cannot be loaded: " + e.getMessage(), e);
                }
            }
        }
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
