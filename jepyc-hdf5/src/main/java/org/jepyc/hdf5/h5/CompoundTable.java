package org.jepyc.hdf5.h5;

import static hdf.hdf5lib.HDF5Constants.*;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.hdf5.global.hdf5;
import org.bytedeco.javacpp.BytePointer;

/**
 * A 1-D, chunked, unlimited compound dataset read and written column by column: epyc's
 * {@code results} and {@code pending} tables.
 *
 * <p>Appending is "{@link #write} rows [from, to)": the dataset grows to {@code to} rows and only
 * that slab is written, in a single HDF5 call whatever the number of fields.
 */
public final class CompoundTable implements AutoCloseable {

    /** Chunk length used when the caller has no better idea: 8 KiB-64 KiB chunks for typical rows. */
    public static final int DEFAULT_CHUNK_ROWS = 256;

    /** Bytes of rows encoded per HDF5 write. */
    private static final long SLAB_BYTES = 8L << 20;

    private final H5File file;
    private final String path;
    private final List<Field> fields;
    private long did;

    private CompoundTable(H5File file, String path, long did, List<Field> fields) {
        this.file = file;
        this.path = path;
        this.did = did;
        this.fields = List.copyOf(fields);
    }

    /**
     * Creates the dataset {@code path} (its parent group must exist) with the given fields, in
     * that order, {@code initialRows} rows of zero fill and unlimited maximum size.
     */
    public static CompoundTable create(H5File file, String path, List<Field> fields, long initialRows, int chunkRows) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a compound table needs at least one field");
        }
        if (chunkRows < 1 || initialRows < 0) {
            throw new IllegalArgumentException("bad chunkRows " + chunkRows + " or initialRows " + initialRows);
        }
        long did = file.callLong("create dataset " + path, () -> {
            long ftype = fileType(fields);
            long space = -1;
            long dcpl = -1;
            try {
                space = H5.H5Screate_simple(1, new long[] {initialRows}, new long[] {H5S_UNLIMITED});
                dcpl = H5.H5Pcreate(H5P_DATASET_CREATE);
                H5.H5Pset_chunk(dcpl, 1, new long[] {chunkRows});
                return H5.H5Dcreate(file.id(), path, ftype, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
            } finally {
                closeQuietly(dcpl, H5::H5Pclose);
                closeQuietly(space, H5::H5Sclose);
                H5.H5Tclose(ftype);
            }
        });
        return new CompoundTable(file, path, did, fields);
    }

    /**
     * Creates an empty table that no group links to yet: a crash before {@link #linkAs} leaves
     * only unreachable space, never a link to a table whose header was not written.
     */
    public static CompoundTable createUnlinked(H5File file, String label, List<Field> fields, int chunkRows) {
        if (fields.isEmpty() || chunkRows < 1) {
            throw new IllegalArgumentException("a compound table needs fields and chunkRows >= 1");
        }
        long did = file.callLong("create dataset " + label, () -> {
            long ftype = fileType(fields);
            long space = -1;
            long dcpl = -1;
            try {
                space = H5.H5Screate_simple(1, new long[] {0}, new long[] {H5S_UNLIMITED});
                dcpl = H5.H5Pcreate(H5P_DATASET_CREATE);
                H5.H5Pset_chunk(dcpl, 1, new long[] {chunkRows});
                return H5.H5Dcreate_anon(file.id(), ftype, space, dcpl, H5P_DEFAULT);
            } finally {
                closeQuietly(dcpl, H5::H5Pclose);
                closeQuietly(space, H5::H5Sclose);
                H5.H5Tclose(ftype);
            }
        });
        return new CompoundTable(file, label, did, fields);
    }

    /** Links this table into its file at {@code at} (its parent group must exist, the name be free). */
    public void linkAs(String at) {
        file.run("link " + path + " as " + at, () -> H5.H5Olink(did(), file.id(), at, H5P_DEFAULT, H5P_DEFAULT));
    }

    /** Opens an existing compound dataset and recognises its field types. */
    public static CompoundTable open(H5File file, String path) {
        long did = file.callLong("open dataset " + path, () -> H5.H5Dopen(file.id(), path, H5P_DEFAULT));
        try {
            List<Field> fields = file.call("read the field types of " + path, () -> readFields(did));
            return new CompoundTable(file, path, did, fields);
        } catch (RuntimeException e) {
            file.run("close dataset " + path, () -> H5.H5Dclose(did));
            throw e;
        }
    }

    /** The fields in file order. */
    public List<Field> fields() {
        return fields;
    }

    /** The field names in file order. */
    public List<String> fieldNames() {
        return Field.names(fields);
    }

    /** The path of this dataset in its file. */
    public String path() {
        return path;
    }

    /** Current number of rows. */
    public long size() {
        return file.callLong("get the size of " + path, () -> {
            long space = H5.H5Dget_space(did());
            try {
                return H5.H5Sget_simple_extent_npoints(space);
            } finally {
                H5.H5Sclose(space);
            }
        });
    }

    /** Sets the number of rows (growing fills with zeros/empty values; shrinking drops rows). */
    public void resize(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("negative size " + rows);
        }
        file.run("resize " + path + " to " + rows + " rows", () -> H5.H5Dset_extent(did(), new long[] {rows}));
    }

    /**
     * Writes rows {@code [from, to)} of the given columns into rows {@code [from, to)} of the
     * dataset, growing it to {@code to} rows if it is shorter. Fields not given are left as they are.
     * Values that do not fit their field are rejected before anything changes (a write larger than
     * a few megabytes goes in slabs, each checked before it is written); if HDF5 itself then
     * fails, the dataset may already have grown (its new rows zero-filled).
     */
    public void write(Map<String, ? extends ColumnData> columns, int from, int to) {
        writeAt(columns, from, to, from);
    }

    /**
     * Writes rows {@code [from, to)} of the given columns into the dataset starting at row
     * {@code dstRow}, growing it if needed (as {@link #write}); lets an append pass only the new
     * rows rather than arrays as long as the whole table.
     */
    public void writeAt(Map<String, ? extends ColumnData> columns, int from, int to, long dstRow) {
        if (from < 0 || to < from || dstRow < 0) {
            throw new IllegalArgumentException("bad row range [" + from + ", " + to + ")");
        }
        List<Field> chosen = new ArrayList<>();
        List<ColumnData> data = new ArrayList<>();
        for (Map.Entry<String, ? extends ColumnData> e : columns.entrySet()) {
            Field f = field(e.getKey());
            if (e.getValue().size() < to) {
                throw new IllegalArgumentException("column " + f.name() + " has " + e.getValue().size()
                        + " rows, fewer than " + to);
            }
            chosen.add(f);
            data.add(e.getValue());
        }
        long end = dstRow + (to - from);
        if (chosen.isEmpty() || from == to) {
            if (end > size()) {
                resize(end);
            }
            return;
        }
        file.run("write rows [" + dstRow + ", " + end + ") of " + path, () -> {
            try (PackedLayout layout = new PackedLayout(chosen)) {
                // slabs of about SLAB_BYTES bound the native memory of a large write
                int slab = (int) Math.max(1, Math.min(to - from, SLAB_BYTES / layout.stride));
                for (int start = from; start < to; start += slab) {
                    int stop = Math.min(to, start + slab);
                    writeSlab(layout, data, start, stop, dstRow + (start - from));
                }
            }
        });
    }

    /** Encodes rows {@code [from, to)} into one native buffer and writes them at {@code dstRow}. */
    private void writeSlab(PackedLayout layout, List<ColumnData> data, int from, int to, long dstRow) {
        int rows = to - from;
        try (Arena arena = new Arena(); BytePointer buf = new BytePointer((long) rows * layout.stride)) {
            ByteBuffer rowBuf = buf.asByteBuffer().order(ByteOrder.nativeOrder());
            // Encode first so that bad values are rejected before the dataset changes at all.
            for (int k = 0; k < data.size(); k++) {
                NativeCodec.encode(data.get(k), layout.fields.get(k).type(), from, to, rowBuf, (int) layout.stride,
                        (int) layout.offsets[k], arena);
            }
            long end = dstRow + rows;
            if (end > currentSize()) {
                H5.H5Dset_extent(did(), new long[] {end});
            }
            transfer(layout.memType, dstRow, rows, buf, true);
        }
    }

    /** Reads every field of every row, in file order. */
    public Map<String, ColumnData> read() {
        return read(fieldNames(), 0, size());
    }

    /** Reads one whole column. */
    public ColumnData readColumn(String name) {
        return read(List.of(name), 0, size()).get(name);
    }

    /** Reads rows {@code [from, to)} of the named fields, keyed by name in the order asked. */
    public Map<String, ColumnData> read(List<String> names, long from, long to) {
        if (from < 0 || to < from || to - from > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad row range [" + from + ", " + to + ")");
        }
        List<Field> chosen = new ArrayList<>();
        names.forEach(n -> chosen.add(field(n)));
        int rows = (int) (to - from);
        return file.call("read rows [" + from + ", " + to + ") of " + path, () -> {
            if (to > currentSize()) {
                throw new HDF5Exception("the table has only " + currentSize() + " rows");
            }
            Map<String, ColumnData> out = new LinkedHashMap<>();
            if (rows == 0) {
                try (PackedLayout layout = new PackedLayout(chosen); BytePointer empty = new BytePointer(8)) {
                    for (Field f : chosen) {
                        out.put(f.name(), NativeCodec.decode(f.type(), empty, 0, layout.stride, 0));
                    }
                }
                return out;
            }
            try (PackedLayout layout = new PackedLayout(chosen);
                 BytePointer buf = new BytePointer((long) rows * layout.stride)) {
                buf.fill(0);   // pointers HDF5 never sets stay NULL, which reclaiming skips
                try {
                    // inside the try: a read that fails half-way has allocated strings already
                    transfer(layout.memType, from, rows, buf, false);
                    for (int k = 0; k < chosen.size(); k++) {
                        Field f = chosen.get(k);
                        out.put(f.name(), NativeCodec.decode(f.type(), buf, rows, layout.stride, layout.offsets[k]));
                    }
                } finally {
                    if (layout.hasVariableLength) {
                        reclaim(layout.memType, rows, buf);
                    }
                }
            }
            return out;
        });
    }

    /** The dataset's attributes ({@code metadata}, {@code parameters}, {@code results} in epyc's files). */
    public Attributes attributes() {
        return new Attributes(file, path, did());
    }

    @Override
    public void close() {
        if (did >= 0) {
            long id = did;
            did = -1;
            file.run("close dataset " + path, () -> H5.H5Dclose(id));
        }
    }

    private Field field(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException(file.path() + ": " + path + " has no field '" + name + "'");
    }

    private long did() {
        if (did < 0) {
            throw new HDF5Exception("dataset " + path + " is closed");
        }
        return did;
    }

    private long currentSize() {
        long space = H5.H5Dget_space(did());
        try {
            return H5.H5Sget_simple_extent_npoints(space);
        } finally {
            H5.H5Sclose(space);
        }
    }

    /** One H5Dread/H5Dwrite of {@code rows} rows starting at {@code from}, through the C bindings. */
    private void transfer(long memType, long from, long rows, BytePointer buf, boolean writing) {
        long memSpace = H5.H5Screate_simple(1, new long[] {rows}, null);
        long fileSpace = H5.H5Dget_space(did());
        try {
            H5.H5Sselect_hyperslab(fileSpace, H5S_SELECT_SET, new long[] {from}, null, new long[] {rows}, null);
            int status = writing
                    ? hdf5.H5Dwrite(did(), memType, memSpace, fileSpace, H5P_DEFAULT, buf)
                    : hdf5.H5Dread(did(), memType, memSpace, fileSpace, H5P_DEFAULT, buf);
            H5Errors.check(status, writing ? "H5Dwrite" : "H5Dread");
        } finally {
            H5.H5Sclose(fileSpace);
            H5.H5Sclose(memSpace);
        }
    }

    /** Frees the strings and sequences HDF5 allocated while reading into {@code buf}. */
    private static void reclaim(long memType, long rows, BytePointer buf) {
        long memSpace = H5.H5Screate_simple(1, new long[] {rows}, null);
        try {
            H5Errors.check(hdf5.H5Treclaim(memType, memSpace, H5P_DEFAULT, buf), "H5Treclaim");
        } finally {
            H5.H5Sclose(memSpace);
        }
    }

    private static long fileType(List<Field> fields) {
        long[] types = new long[fields.size()];
        long total = 0;
        try {
            for (int k = 0; k < types.length; k++) {
                types[k] = fields.get(k).type().createFileType();
                total += H5.H5Tget_size(types[k]);
            }
            long t = H5.H5Tcreate(H5T_COMPOUND, total);
            long at = 0;
            for (int k = 0; k < types.length; k++) {
                H5.H5Tinsert(t, fields.get(k).name(), at, types[k]);
                at += H5.H5Tget_size(types[k]);
            }
            return t;
        } finally {
            for (long t : types) {
                if (t > 0) {
                    H5.H5Tclose(t);
                }
            }
        }
    }

    private static List<Field> readFields(long did) {
        long t = H5.H5Dget_type(did);
        try {
            if (H5.H5Tget_class(t) != H5T_COMPOUND) {
                throw new HDF5Exception("not a compound dataset");
            }
            int n = H5.H5Tget_nmembers(t);
            List<Field> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                String name = H5.H5Tget_member_name(t, k);
                long mt = H5.H5Tget_member_type(t, k);
                try {
                    out.add(new Field(name, FieldType.fromTypeId(mt)));
                } catch (HDF5Exception e) {
                    throw new HDF5Exception("field '" + name + "': " + e.getMessage());
                } finally {
                    H5.H5Tclose(mt);
                }
            }
            return out;
        } finally {
            H5.H5Tclose(t);
        }
    }

    private interface Closer {
        int close(long id);
    }

    private static void closeQuietly(long id, Closer closer) {
        if (id >= 0) {
            closer.close(id);
        }
    }
}
