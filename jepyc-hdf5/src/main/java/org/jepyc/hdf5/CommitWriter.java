package org.jepyc.hdf5;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
import org.jepyc.resultset.ValueType;
import org.jepyc.storage.Commit;
import org.jepyc.storage.NotebookHeader;
import org.jepyc.storage.PendingJob;
import org.jepyc.storage.Rows;
import org.jepyc.storage.SetCommit;
import org.jepyc.storage.SetSnapshot;
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
    private final boolean newFile;
    private final Set<String> repair;
    private final boolean rootRepair;
    private final boolean jepycWroteLast;
    private final List<Runnable> publish = new ArrayList<>();
    private final List<String> retired = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Set<String> visited = new HashSet<>();

    /**
     * @param file           the notebook file, open for writing
     * @param newFile        true if the file is new and empty: everything is written, nothing compared
     * @param repair         tags of sets to rewrite even if they did not change (see {@code NotebookReader.Loaded})
     * @param rootRepair     true to rewrite the root's attributes even if they did not change
     * @param jepycWroteLast true if jepyc made the file's last commit
     */
    CommitWriter(H5File file, boolean newFile, Set<String> repair, boolean rootRepair, boolean jepycWroteLast) {
        this.file = file;
        this.newFile = newFile;
        this.repair = repair;
        this.rootRepair = rootRepair;
        this.jepycWroteLast = jepycWroteLast;
    }

    /**
     * Writes the commit. Unless the file is new, what the commit says was committed is what
     * the file holds (the storage rewrites the file whole when it cannot be sure of that).
     *
     * @param commit the commit
     */
    void write(Commit commit) {
        try {
            for (SetCommit sc : commit.sets()) {
                prepare(sc);
            }
            writeRoot(commit);
            file.flush();
            publish.forEach(Runnable::run);
            file.flush();
            cleanUp(commit.header().tags());
            file.flush();
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

    private void prepare(SetCommit sc) {
        String tag = sc.tag();
        SetSnapshot now = sc.now();
        SetSnapshot before = newFile ? null : sc.committed();
        if (before != null && !sc.changed() && !repair.contains(tag)) {
            return;
        }
        visited.add(tag);
        boolean fresh = before == null;
        String published = "/" + tag;
        // a new set is built whole under a staged name, and renamed into place when published
        String g = fresh ? freeName("/" + Layout.STAGED_PREFIX + tag) : published;
        if (fresh) {
            Groups.create(file, g, GROUP_NAME_BYTES);
        }
        writeGroupAttributes(file.attributes(g), now, repair.contains(tag) ? null : before);
        prepareResults(g, now.rows(), before, fresh);
        preparePending(g, now, before, fresh);
        if (fresh) {
            publish.add(() -> {
                if (Groups.linkExists(file, published)) {
                    retire(published, "/" + Layout.RETIRED_PREFIX + tag);
                }
                Groups.move(file, g, published);
            });
        }
    }

    /**
     * epyc rewrites every attribute; only the changed ones are written here, to spare the file.
     *
     * @param before what the group holds, or null to write every attribute
     */
    private void writeGroupAttributes(Attributes a, SetSnapshot now, SetSnapshot before) {
        if (before == null || !Objects.equals(before.description(), now.description())) {
            a.writeString(Layout.DESCRIPTION, now.description());
        }
        if (before == null || before.locked() != now.locked()) {
            a.writeBool(Layout.LOCKED, now.locked());
        }
        Map<String, String> had = before == null ? Map.of() : text(before.attributes());
        Map<String, String> want = text(now.attributes());
        for (String k : had.keySet()) {
            if (!want.containsKey(k)) {
                a.delete(k);
            }
        }
        for (Map.Entry<String, String> e : want.entrySet()) {
            if (!e.getValue().equals(had.get(e.getKey()))) {
                a.writeString(e.getKey(), e.getValue());
            }
        }
    }

    /** Attributes as epyc stores them: Python's text of each value. */
    private static Map<String, String> text(Map<String, Object> attributes) {
        Map<String, String> out = new LinkedHashMap<>();
        attributes.forEach((k, v) -> out.put(k, PythonText.str(v)));
        return out;
    }

    private void prepareResults(String g, Rows rows, SetSnapshot before, boolean fresh) {
        int n = rows.count();
        List<ColumnRef> cols = rows.columns();
        List<Field> fields = Schema.fields(cols);
        String path = g + "/" + Layout.RESULTS;
        if (n == 0) {
            if (!fresh) {
                publish.add(() -> retire(path, g + "/" + Layout.RETIRED_PREFIX + Layout.RESULTS));
            }
            return;
        }
        int had = before == null ? 0 : before.rows().count();
        if (had > 0 && fields.equals(Schema.fields(before.rows().columns())) && n >= had) {
            // the common case: same columns, new rows appended past the published marker
            CompoundTable ct = CompoundTable.open(file, path);
            open.add(ct);
            writeRows(ct, cols, had, n);
            if (ct.size() != n) {
                ct.resize(n);   // drop rows a crashed commit left beyond the marker
            }
            publish.add(() -> ct.attributes().writeLong(Layout.COMMITTED_ROWS, n));
        } else {
            CompoundTable ct = createStaged(g, Layout.RESULTS, fields, Schema.chunkRows(fields, n), fresh);
            writeRows(ct, cols, 0, n);
            Attributes a = ct.attributes();
            writeNames(a, Layout.METADATA_NAMES, names(cols, Category.METADATA));
            writeNames(a, Layout.PARAMETER_NAMES, names(cols, Category.PARAMETERS));
            writeNames(a, Layout.RESULT_NAMES, names(cols, Category.RESULTS));
            a.writeLong(Layout.COMMITTED_ROWS, n);
        }
    }

    private static List<String> names(List<ColumnRef> cols, Category c) {
        return cols.stream().filter(r -> r.category() == c).map(ColumnRef::name).toList();
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

    /** The pending table's fields: the set's parameters (all of them, as epyc's pending table has), then the job id. */
    private static List<Field> pendingFields(Rows rows) {
        List<Field> fields = new ArrayList<>();
        for (ColumnRef c : rows.columns()) {
            if (c.category() == Category.PARAMETERS) {
                fields.add(new Field(c.name(), Schema.fieldType(c.type())));
            }
        }
        fields.add(new Field(Layout.JOBID, FieldType.STRING));
        return fields;
    }

    private void preparePending(String g, SetSnapshot now, SetSnapshot before, boolean fresh) {
        List<PendingJob> jobs = now.pending();
        String path = g + "/" + Layout.PENDING;
        if (jobs.isEmpty()) {
            if (!fresh) {
                publish.add(() -> retire(path, g + "/" + Layout.RETIRED_PREFIX + Layout.PENDING));
            }
            return;
        }
        List<Field> fields = pendingFields(now.rows());
        if (before != null && before.pending().equals(jobs) && pendingFields(before.rows()).equals(fields)) {
            return;
        }
        List<ColumnRef> params = now.rows().columns().stream().filter(c -> c.category() == Category.PARAMETERS).toList();
        Map<String, ColumnData> data = new LinkedHashMap<>();
        for (ColumnRef c : params) {
            ValueType type = c.type();
            List<Object> values = new ArrayList<>(jobs.size());
            for (PendingJob j : jobs) {
                Object v = j.parameters().get(c.name());
                values.add(ColumnCodec.valueOut(c.name(), type, v == null ? type.zero() : v));
            }
            data.put(c.name(), boxed(type, values));
        }
        data.put(Layout.JOBID, new ColumnData.Strings(jobs.stream().map(PendingJob::jobId).toArray(String[]::new)));
        CompoundTable ct = createStaged(g, Layout.PENDING, fields, 64, fresh);
        ct.write(data, 0, jobs.size());
        ct.attributes().writeLong(Layout.COMMITTED_ROWS, jobs.size());
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

    /** The root's attributes that differ from what the file holds (all of them in a new file). */
    private void writeRoot(Commit commit) {
        Attributes root = file.attributes("/");
        NotebookHeader now = commit.header();
        NotebookHeader stored = newFile || rootRepair ? null : commit.committed();
        if (stored == null || !jepycWroteLast) {
            root.writeString(Layout.CREATOR, Layout.CREATOR_TEXT);
        }
        if (newFile) {
            root.writeString(Layout.VERSION_ATTR, Layout.VERSION);
        }
        if (stored == null || !now.description().equals(stored.description())) {
            root.writeString(Layout.DESCRIPTION, now.description());
        }
        if (stored == null || !now.currentTag().equals(stored.currentTag())) {
            root.writeString(Layout.CURRENT, now.currentTag());
        }
        if (stored == null || now.locked() != stored.locked()) {
            root.writeBool(Layout.LOCKED, now.locked());
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
            if (visited.contains(tag)) {
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
