package org.jepyc.hdf5;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jepyc.ResultSet;
import org.jepyc.hdf5.h5.AnonymousGroup;
import org.jepyc.hdf5.h5.Attributes;
import org.jepyc.hdf5.h5.ColumnData;
import org.jepyc.hdf5.h5.CompoundTable;
import org.jepyc.hdf5.h5.Field;
import org.jepyc.hdf5.h5.FieldType;
import org.jepyc.hdf5.h5.Groups;
import org.jepyc.hdf5.h5.H5File;
import org.jepyc.resultset.Category;
import org.jepyc.resultset.ColumnRef;
import org.jepyc.resultset.ResultTable;
import org.jepyc.resultset.ValueType;
import org.jepyc.storage.NotebookState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one commit into an open notebook file in three steps, each ended by {@code H5Fflush}.
 *
 * <p>DESIGN note: why a commit interrupted at any moment leaves the last committed notebook.
 * <ol>
 * <li><b>Prepare</b>: everything new goes where no published reader looks. New rows are
 * appended past a table's {@link Layout#COMMITTED_ROWS} marker (readers stop there); a table
 * whose columns changed, a changed pending table and a new result set's group are built as
 * <em>anonymous</em> HDF5 objects that no link reaches yet. Flush.</li>
 * <li><b>Publish</b>: raise the markers, link the new objects in (the tables they replace are
 * renamed aside, not freed, so no space they hold is reused while an old link may still be on
 * disk), write the root attributes. Flush. These are small in-place header writes; HDF5 writes
 * the superblock (and so the new end of file) last of all, in its own flush ring.</li>
 * <li><b>Clean up</b>: delete the renamed tables and the groups of deleted result sets.
 * Flush.</li>
 * </ol>
 * A crash during prepare leaves published data untouched; during publish, each table is
 * either the old one or the complete new one; during clean up, only dead objects remain, and
 * the next commit removes them. Text attributes (descriptions) are rewritten in place and
 * may, after a crash, be unreadable: the reader then falls back to defaults. Tables are never
 * compressed, so chunks never move. {@code ChildCommitLoop} and {@code CrashSafetyTest} prove
 * this under {@code kill -9}.
 */
final class CommitWriter {
    private static final Logger LOG = LoggerFactory.getLogger(CommitWriter.class);

    /** Rows encoded per HDF5 write: bounds the native buffer. */
    private static final int BLOCK = 1 << 16;

    private final H5File file;
    private final Map<String, SetRecord> records;
    private final List<Runnable> publish = new ArrayList<>();
    private final List<String> retired = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Map<String, SetRecord> next = new LinkedHashMap<>();

    /**
     * @param file    the notebook file, open for writing
     * @param records what it holds per tag, from the last load or commit
     */
    CommitWriter(H5File file, Map<String, SetRecord> records) {
        this.file = file;
        this.records = records;
    }

    /**
     * Writes the commit.
     *
     * @param state the notebook
     * @return what the file holds per tag afterwards
     */
    Map<String, SetRecord> write(NotebookState state) {
        try {
            for (String tag : state.tags()) {
                prepare(tag, state);
            }
            file.flush();
            publish.forEach(Runnable::run);
            writeRoot(state);
            file.flush();
            cleanUp(state.tags());
            file.flush();
            return next;
        } finally {
            for (AutoCloseable c : open) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.debug("closing after commit: {}", e.toString());
                }
            }
        }
    }

    private void prepare(String tag, NotebookState state) {
        ResultSet rs = state.resultSet(tag);
        SetRecord rec = records.get(tag);
        boolean same = rec != null && rec.set == rs;
        if (same && !state.isDirty(tag) && !rec.repair) {
            next.put(tag, rec);
            return;
        }
        SetRecord out = rec == null ? new SetRecord() : rec.copy();
        String g = "/" + tag;
        AnonymousGroup fresh = null;
        Attributes attrs;
        if (rec == null) {
            fresh = AnonymousGroup.create(file, g);
            open.add(fresh);
            attrs = fresh.attributes();
        } else {
            attrs = file.attributes(g);
        }
        writeGroupAttributes(attrs, rs, out);
        prepareResults(g, state.table(tag), same, rec, out, fresh);
        preparePending(g, rs, state.table(tag), same, rec, out, fresh);
        out.set = rs;
        out.repair = false;
        if (fresh != null) {
            AnonymousGroup group = fresh;
            publish.add(() -> {
                if (Groups.linkExists(file, g)) {
                    retire(g, "/" + Layout.RETIRED_PREFIX + tag);
                }
                group.linkAs(g);
            });
        }
        next.put(tag, out);
    }

    /** epyc rewrites every attribute; only the changed ones are written here, to spare the file. */
    private void writeGroupAttributes(Attributes a, ResultSet rs, SetRecord out) {
        if (!Objects.equals(out.description, rs.description())) {
            a.writeString(Layout.DESCRIPTION, rs.description());
            out.description = rs.description();
        }
        if (!Objects.equals(out.locked, rs.isLocked())) {
            a.writeBool(Layout.LOCKED, rs.isLocked());
            out.locked = rs.isLocked();
        }
        Map<String, String> want = new LinkedHashMap<>();
        for (String k : rs.attributeNames()) {
            want.put(k, PythonText.str(rs.getAttribute(k)));
        }
        for (String k : out.attributes.keySet()) {
            if (!want.containsKey(k)) {
                a.delete(k);
            }
        }
        for (Map.Entry<String, String> e : want.entrySet()) {
            if (!e.getValue().equals(out.attributes.get(e.getKey()))) {
                a.writeString(e.getKey(), e.getValue());
            }
        }
        out.attributes = want;
    }

    private void prepareResults(String g, ResultTable t, boolean same, SetRecord rec, SetRecord out,
            AnonymousGroup fresh) {
        int n = t.rows();
        List<ColumnRef> cols = t.columns();
        List<Field> fields = Schema.fields(cols);
        String path = g + "/" + Layout.RESULTS;
        if (n == 0) {
            if (rec != null && rec.resultFields != null) {
                publish.add(() -> retire(path, g + "/" + Layout.RETIRED_PREFIX + Layout.RESULTS));
            }
            out.resultFields = null;
            out.resultRows = 0;
            return;
        }
        if (same && rec.resultFields != null && fields.equals(rec.resultFields) && n >= rec.resultRows) {
            // the common case: same columns, new rows appended past the published marker
            CompoundTable ct = CompoundTable.open(file, path);
            open.add(ct);
            writeRows(ct, cols, rec.resultRows, n);
            if (ct.size() != n) {
                ct.resize(n);   // drop rows a crashed commit left beyond the marker
            }
            publish.add(() -> ct.attributes().writeLong(Layout.COMMITTED_ROWS, n));
        } else {
            CompoundTable ct = CompoundTable.createAnonymous(file, path, fields, 0, Schema.chunkRows(fields, n));
            open.add(ct);
            writeRows(ct, cols, 0, n);
            Attributes a = ct.attributes();
            writeNames(a, Layout.METADATA_NAMES, t.names(Category.METADATA));
            writeNames(a, Layout.PARAMETER_NAMES, t.names(Category.PARAMETERS));
            writeNames(a, Layout.RESULT_NAMES, t.names(Category.RESULTS));
            a.writeLong(Layout.COMMITTED_ROWS, n);
            link(ct, g, Layout.RESULTS, rec != null && rec.resultFields != null, fresh);
        }
        out.resultFields = fields;
        out.resultRows = n;
    }

    /** epyc leaves a category's list out until a name of it is known (results of all-failed sets). */
    private static void writeNames(Attributes a, String attr, List<String> names) {
        if (!names.isEmpty()) {
            a.writeStringArray(attr, names);
        }
    }

    private void writeRows(CompoundTable ct, List<ColumnRef> cols, int from, int to) {
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            Map<String, ColumnData> data = new LinkedHashMap<>();
            for (ColumnRef c : cols) {
                data.put(c.name(), ColumnCodec.toData(c.name(), c.column(), start, end));
            }
            ct.writeAt(data, 0, end - start, start);
        }
    }

    private void preparePending(String g, ResultSet rs, ResultTable t, boolean same, SetRecord rec, SetRecord out,
            AnonymousGroup fresh) {
        List<String> ids = rs.pendingResults();
        String path = g + "/" + Layout.PENDING;
        boolean had = rec != null && rec.pendingFields != null;
        if (ids.isEmpty()) {
            if (had) {
                publish.add(() -> retire(path, g + "/" + Layout.RETIRED_PREFIX + Layout.PENDING));
            }
            out.pendingFields = null;
            out.pendingIds = null;
            return;
        }
        List<Field> fields = new ArrayList<>();
        List<ValueType> types = new ArrayList<>();
        for (String p : t.names(Category.PARAMETERS)) {
            ValueType vt = t.column(Category.PARAMETERS, p).type();
            fields.add(new Field(p, Schema.fieldType(vt)));
            types.add(vt);
        }
        fields.add(new Field(Layout.JOBID, FieldType.STRING));
        if (same && had && ids.equals(rec.pendingIds) && fields.equals(rec.pendingFields)) {
            return;
        }
        Map<String, ColumnData> data = new LinkedHashMap<>();
        for (int k = 0; k < types.size(); k++) {
            String p = fields.get(k).name();
            List<Object> values = new ArrayList<>(ids.size());
            for (String id : ids) {
                Object v = rs.pendingResultParameters(id).get(p);
                values.add(ColumnCodec.valueOut(p, types.get(k), v == null ? types.get(k).zero() : v));
            }
            data.put(p, boxed(types.get(k), values));
        }
        data.put(Layout.JOBID, new ColumnData.Strings(ids.toArray(new String[0])));
        CompoundTable ct = CompoundTable.createAnonymous(file, path, fields, 0, 64);
        open.add(ct);
        ct.write(data, 0, ids.size());
        ct.attributes().writeLong(Layout.COMMITTED_ROWS, ids.size());
        link(ct, g, Layout.PENDING, had, fresh);
        out.pendingFields = fields;
        out.pendingIds = List.copyOf(ids);
    }

    private static ColumnData boxed(ValueType t, List<Object> values) {
        int n = values.size();
        switch (t.kind()) {
            case INT: {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = ((Number) values.get(i)).longValue();
                }
                return new ColumnData.Longs(v);
            }
            case FLOAT: {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = ((Number) values.get(i)).doubleValue();
                }
                return new ColumnData.Doubles(v);
            }
            case BOOL: {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (Boolean) values.get(i);
                }
                return new ColumnData.Booleans(v);
            }
            case STRING:
            case TIMESTAMP:
                return new ColumnData.Strings(values.toArray(new String[0]));
            case COMPLEX: {
                double[] re = new double[n];
                double[] im = new double[n];
                for (int i = 0; i < n; i++) {
                    org.jepyc.hdf5.h5.Complex z = (org.jepyc.hdf5.h5.Complex) values.get(i);
                    re[i] = z.re();
                    im[i] = z.im();
                }
                return new ColumnData.Complexes(re, im);
            }
            default:
                return new ColumnData.Lists(values.toArray(new List<?>[0]));
        }
    }

    /** Links a finished anonymous table: inside a new group at once, else at publish time. */
    private void link(CompoundTable ct, String g, String name, boolean replacing, AnonymousGroup fresh) {
        if (fresh != null) {
            ct.linkAs(fresh, name);
            return;
        }
        publish.add(() -> {
            if (replacing || Groups.linkExists(file, g + "/" + name)) {
                retire(g + "/" + name, g + "/" + Layout.RETIRED_PREFIX + name);
            }
            ct.linkAs(null, g + "/" + name);
        });
    }

    private void retire(String path, String aside) {
        if (!Groups.linkExists(file, path)) {
            return;
        }
        if (Groups.linkExists(file, aside)) {
            Groups.delete(file, aside);
        }
        Groups.move(file, path, aside);
        retired.add(aside);
    }

    private void writeRoot(NotebookState state) {
        Attributes root = file.attributes("/");
        writeIfChanged(root, Layout.CREATOR, Layout.CREATOR_TEXT);
        writeIfChanged(root, Layout.VERSION_ATTR, Layout.VERSION);
        writeIfChanged(root, Layout.DESCRIPTION, state.description());
        writeIfChanged(root, Layout.CURRENT, state.currentTag());
        boolean locked = state.isLocked();
        if (!root.exists(Layout.LOCKED) || root.readBool(Layout.LOCKED) != locked) {
            root.writeBool(Layout.LOCKED, locked);
        }
    }

    private static void writeIfChanged(Attributes a, String attr, String value) {
        String old = null;
        try {
            old = a.exists(attr) ? a.readAsString(attr) : null;
        } catch (RuntimeException e) {
            // unreadable after an earlier crash: rewrite it
        }
        if (!value.equals(old)) {
            a.writeString(attr, value);
        }
    }

    /** Deletes retired tables and the groups of result sets no longer in the notebook (epyc's purge). */
    private void cleanUp(List<String> tags) {
        for (String aside : retired) {
            if (Groups.linkExists(file, aside)) {
                Groups.delete(file, aside);
            }
        }
        Set<String> keep = new HashSet<>(tags);
        for (String link : Groups.links(file, "/")) {
            if (!keep.contains(link)) {
                Groups.delete(file, "/" + link);
                LOG.info("Purged ResultSet {}", link);
            }
        }
        for (String tag : tags) {
            for (String name : new String[] {Layout.RESULTS, Layout.PENDING}) {
                String aside = "/" + tag + "/" + Layout.RETIRED_PREFIX + name;
                if (!retired.contains(aside) && next.get(tag) != records.get(tag) && Groups.linkExists(file, aside)) {
                    Groups.delete(file, aside);
                }
            }
        }
    }
}
