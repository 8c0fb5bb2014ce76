package org.jepyc.hdf5;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jepyc.ResultSet;
import org.jepyc.hdf5.h5.Attributes;
import org.jepyc.hdf5.h5.ColumnData;
import org.jepyc.hdf5.h5.CompoundTable;
import org.jepyc.hdf5.h5.Field;
import org.jepyc.hdf5.h5.FieldType;
import org.jepyc.hdf5.h5.Groups;
import org.jepyc.hdf5.h5.H5File;
import org.jepyc.resultset.Category;
import org.jepyc.resultset.ColumnRef;
import org.jepyc.resultset.PythonText;
import org.jepyc.resultset.ResultTable;
import org.jepyc.resultset.ValueType;
import org.jepyc.storage.NotebookState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one commit into an open notebook file in three steps, each ended by {@code H5Fflush}.
 *
 * <p>DESIGN note: why a commit interrupted at any moment (kill -9) leaves the last committed
 * notebook readable and complete.
 * <ol>
 * <li><b>Prepare</b>: everything new goes where no reader of the published notebook looks.
 * New rows are appended past a table's {@link Layout#COMMITTED_ROWS} marker (readers stop
 * there). A table whose columns changed, a changed pending table and a new result set's group
 * are built under {@link Layout#STAGED_PREFIX} names, which readers skip. Text attributes
 * (descriptions, the current set) are written here too, so that publishing allocates no
 * variable-length data. Flush.</li>
 * <li><b>Publish</b>: raise the markers (an int64 attribute overwritten in place) and rename
 * the staged objects into place ({@code H5Lmove}, which changes only the parent group's
 * names; the tables replaced are renamed aside, not freed, so no space a reader may still
 * reach is reused). Flush.</li>
 * <li><b>Clean up</b>: delete the tables renamed aside and the groups of deleted result sets.
 * Flush.</li>
 * </ol>
 * What makes the in-place writes safe, found by {@code CrashSafetyTest}: HDF5 writes the
 * superblock (the end-of-file address) last in a flush; the storage closes and reopens the file
 * after every commit, so HDF5 never grows a global heap collection that published strings
 * live in (growing one in place past the on-disk end of file made its old strings
 * unreadable); new files index up to 1,024 chunks per B-tree node
 * ({@link Layout#CHUNK_INDEX_RANK}), so appends do not split index nodes; set groups start with
 * a name heap big enough never to grow; tables are not compressed, so chunks never move. After
 * a crash, text attributes may be unreadable: the reader falls back to defaults, and the next
 * commit rewrites them. A crash never loses published rows.
 */
final class CommitWriter {
    private static final Logger LOG = LoggerFactory.getLogger(CommitWriter.class);

    /** Bytes of link names a set group holds without growing its name heap. */
    private static final long GROUP_NAME_BYTES = 512;

    /** Rows encoded per HDF5 write: bounds the native buffer. */
    private static final int ROWS_PER_BLOCK = 1 << 16;

    private final H5File file;
    private final Map<String, SetRecord> records;
    private final NotebookReader.Root stored;
    private final List<Runnable> publish = new ArrayList<>();
    private final List<String> retired = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Map<String, SetRecord> next = new LinkedHashMap<>();

    /**
     * @param file    the notebook file, open for writing
     * @param records what it holds per tag, from the last load or commit
     * @param stored  what its root holds, or null for a new file
     */
    CommitWriter(H5File file, Map<String, SetRecord> records, NotebookReader.Root stored) {
        this.file = file;
        this.records = records;
        this.stored = stored;
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
            writeRoot(state);
            file.flush();
            publish.forEach(Runnable::run);
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
        boolean fresh = rec == null;
        String published = "/" + tag;
        // a new set is built whole under a staged name, and renamed into place when published
        String g = fresh ? freeName("/" + Layout.STAGED_PREFIX + tag) : published;
        if (fresh) {
            Groups.create(file, g, GROUP_NAME_BYTES);
        }
        writeGroupAttributes(file.attributes(g), rs, out);
        prepareResults(g, state.table(tag), same, rec, out, fresh);
        preparePending(g, rs, state.table(tag), same, rec, out, fresh);
        out.set = rs;
        out.repair = false;
        if (fresh) {
            publish.add(() -> {
                if (Groups.linkExists(file, published)) {
                    retire(published, "/" + Layout.RETIRED_PREFIX + tag);
                }
                Groups.move(file, g, published);
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
            boolean fresh) {
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
            CompoundTable ct = createStaged(g, Layout.RESULTS, fields, Schema.chunkRows(fields, n), fresh);
            writeRows(ct, cols, 0, n);
            Attributes a = ct.attributes();
            writeNames(a, Layout.METADATA_NAMES, t.names(Category.METADATA));
            writeNames(a, Layout.PARAMETER_NAMES, t.names(Category.PARAMETERS));
            writeNames(a, Layout.RESULT_NAMES, t.names(Category.RESULTS));
            a.writeLong(Layout.COMMITTED_ROWS, n);
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
        for (int start = from; start < to; start += ROWS_PER_BLOCK) {
            int end = Math.min(to, start + ROWS_PER_BLOCK);
            Map<String, ColumnData> data = new LinkedHashMap<>();
            for (ColumnRef c : cols) {
                data.put(c.name(), ColumnCodec.toData(c.name(), c.column(), start, end));
            }
            ct.writeAt(data, 0, end - start, start);
        }
    }

    private void preparePending(String g, ResultSet rs, ResultTable t, boolean same, SetRecord rec, SetRecord out,
            boolean fresh) {
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
        CompoundTable ct = createStaged(g, Layout.PENDING, fields, 64, fresh);
        ct.write(data, 0, ids.size());
        ct.attributes().writeLong(Layout.COMMITTED_ROWS, ids.size());
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
                    org.jepyc.hdf5.h5.ComplexPair z = (org.jepyc.hdf5.h5.ComplexPair) values.get(i);
                    re[i] = z.re();
                    im[i] = z.im();
                }
                return new ColumnData.Complexes(re, im);
            }
            default:
                return new ColumnData.Lists(values.toArray(new List<?>[0]));
        }
    }

    /** A table built under a staged name; in a new (staged) group it can take its final name at once. */
    private CompoundTable createStaged(String g, String name, List<Field> fields, int chunkRows, boolean fresh) {
        if (fresh) {
            CompoundTable ct = CompoundTable.create(file, g + "/" + name, fields, 0, chunkRows);
            open.add(ct);
            return ct;
        }
        // a replacement is linked only when published, after the flush that wrote it: a crash
        // before then leaves no link to a table whose header never reached the disk
        CompoundTable ct = CompoundTable.createUnlinked(file, g + "/" + name + " (new)", fields, chunkRows);
        open.add(ct);
        publish.add(() -> {
            retire(g + "/" + name, g + "/" + Layout.RETIRED_PREFIX + name);
            ct.linkAs(g + "/" + name);
        });
        return ct;
    }

    /**
     * A name for something new: {@code base}, after deleting a leftover of an interrupted commit
     * there, or {@code base-2}, {@code base-3}... if HDF5 cannot delete it (its header was never
     * written). Leftovers are only ever staged or retired objects, which no reader follows.
     */
    private String freeName(String base) {
        String at = base;
        for (int k = 2; Groups.linkExists(file, at); k++) {
            deleteQuietly(at);
            if (!Groups.linkExists(file, at)) {
                break;
            }
            at = base + "-" + k;
        }
        return at;
    }

    private void retire(String path, String aside) {
        if (!Groups.linkExists(file, path)) {
            return;
        }
        String at = aside;
        for (int k = 2; Groups.linkExists(file, at); k++) {
            at = aside + "-" + k;   // one left by an interrupted commit: never delete while publishing
        }
        Groups.move(file, path, at);
        retired.add(at);
    }

    /** The root's attributes that differ from what the file is known to hold (all of them in a new file). */
    private void writeRoot(NotebookState state) {
        Attributes root = file.attributes("/");
        if (stored == null || !stored.jepycWroteLast()) {
            root.writeString(Layout.CREATOR, Layout.CREATOR_TEXT);
        }
        if (stored == null) {
            root.writeString(Layout.VERSION_ATTR, Layout.VERSION);
        }
        if (stored == null || !state.description().equals(stored.description())) {
            root.writeString(Layout.DESCRIPTION, state.description());
        }
        if (stored == null || !state.currentTag().equals(stored.current())) {
            root.writeString(Layout.CURRENT, state.currentTag());
        }
        if (stored == null || state.isLocked() != stored.locked()) {
            root.writeBool(Layout.LOCKED, state.isLocked());
        }
    }

    /** Deletes retired tables and the groups of result sets no longer in the notebook (epyc's purge). */
    private void cleanUp(List<String> tags) {
        for (String aside : retired) {
            deleteQuietly(aside);
        }
        Set<String> keep = new HashSet<>(tags);
        for (String link : Groups.links(file, "/")) {
            if (!keep.contains(link)) {
                deleteQuietly("/" + link);
                if (!link.startsWith("jepyc.")) {
                    LOG.info("Purged ResultSet {}", link);
                }
            }
        }
        for (String tag : tags) {
            if (next.get(tag) != records.get(tag)) {
                for (String link : Groups.links(file, "/" + tag)) {
                    if (link.startsWith(Layout.RETIRED_PREFIX) || link.startsWith(Layout.STAGED_PREFIX)) {
                        deleteQuietly("/" + tag + "/" + link);
                    }
                }
            }
        }
    }

    /** Leftovers of an interrupted commit may not be deletable (HDF5 may find them damaged): leave those. */
    private void deleteQuietly(String path) {
        try {
            if (Groups.linkExists(file, path)) {
                Groups.delete(file, path);
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: cannot delete {} left by an interrupted commit ({}); it is ignored", file.path(), path,
                    e.getMessage());
        }
    }
}
