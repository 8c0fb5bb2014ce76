package org.jepyc.hdf5.h5;

import static org.bytedeco.hdf5.global.hdf5.H5Dcreate2;
import static org.bytedeco.hdf5.global.hdf5.H5Dcreate_anon;
import static org.bytedeco.hdf5.global.hdf5.H5Dget_space;
import static org.bytedeco.hdf5.global.hdf5.H5Dget_type;
import static org.bytedeco.hdf5.global.hdf5.H5Dopen2;
import static org.bytedeco.hdf5.global.hdf5.H5Dread;
import static org.bytedeco.hdf5.global.hdf5.H5Dset_extent;
import static org.bytedeco.hdf5.global.hdf5.H5Dwrite;
import static org.bytedeco.hdf5.global.hdf5.H5Olink;
import static org.bytedeco.hdf5.global.hdf5.H5P_DEFAULT;
import static org.bytedeco.hdf5.global.hdf5.H5Pcreate;
import static org.bytedeco.hdf5.global.hdf5.H5Pset_chunk;
import static org.bytedeco.hdf5.global.hdf5.H5S_SELECT_SET;
import static org.bytedeco.hdf5.global.hdf5.H5S_UNLIMITED;
import static org.bytedeco.hdf5.global.hdf5.H5Screate_simple;
import static org.bytedeco.hdf5.global.hdf5.H5Sget_simple_extent_npoints;
import static org.bytedeco.hdf5.global.hdf5.H5Sselect_hyperslab;
import static org.bytedeco.hdf5.global.hdf5.H5T_COMPOUND;
import static org.bytedeco.hdf5.global.hdf5.H5Tcreate;
import static org.bytedeco.hdf5.global.hdf5.H5Tget_member_type;
import static org.bytedeco.hdf5.global.hdf5.H5Tget_nmembers;
import static org.bytedeco.hdf5.global.hdf5.H5Tinsert;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final H5Id did;

    private CompoundTable(H5File file, String path, H5Id did, List<Field> fields) {
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
        H5Id did = file.call("create dataset " + path, () -> {
            try (H5Id ftype = fileType(fields);
                 H5Id space = H5Id.space(H5Screate_simple(1, new long[] {initialRows}, new long[] {H5S_UNLIMITED}),
                         "H5Screate_simple");
                 H5Id dcpl = chunked(chunkRows);
                 CString name = NativeCodec.utf8(path)) {
                return H5Id.of(H5Id.Kind.DATASET, H5Dcreate2(file.id(), name, ftype.get(), space.get(), H5P_DEFAULT,
                        dcpl.get(), H5P_DEFAULT), "H5Dcreate2");
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
        H5Id did = file.call("create dataset " + label, () -> {
            try (H5Id ftype = fileType(fields);
                 H5Id space = H5Id.space(H5Screate_simple(1, new long[] {0}, new long[] {H5S_UNLIMITED}),
                         "H5Screate_simple");
                 H5Id dcpl = chunked(chunkRows)) {
                return H5Id.of(H5Id.Kind.DATASET, H5Dcreate_anon(file.id(), ftype.get(), space.get(), dcpl.get(),
                        H5P_DEFAULT), "H5Dcreate_anon");
            }
        });
        return new CompoundTable(file, label, did, fields);
    }

    /** Links this table into its file at {@code at} (its parent group must exist, the name be free). */
    public void linkAs(String at) {
        file.run("link " + path + " as " + at, () -> {
            try (CString name = NativeCodec.utf8(at)) {
                H5Errors.check(H5Olink(did(), file.id(), name, H5P_DEFAULT, H5P_DEFAULT), "H5Olink");
            }
        });
    }

    /** Opens an existing compound dataset and recognises its field types. */
    public static CompoundTable open(H5File file, String path) {
        H5Id opened = file.call("open dataset " + path, () -> {
            try (CString name = NativeCodec.utf8(path)) {
                return H5Id.of(H5Id.Kind.DATASET, H5Dopen2(file.id(), name, H5P_DEFAULT), "H5Dopen2");
            }
        });
        try (H5Id did = opened) {
            List<Field> fields = file.call("read the field types of " + path, () -> readFields(did.get()));
            return new CompoundTable(file, path, did.release(), fields);
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
        return file.callLong("get the size of " + path, this::currentSize);
    }

    /** Sets the number of rows (growing fills with zeros/empty values; shrinking drops rows). */
    public void resize(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("negative size " + rows);
        }
        file.run("resize " + path + " to " + rows + " rows",
                () -> H5Errors.check(H5Dset_extent(did(), new long[] {rows}), "H5Dset_extent"));
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
                H5Errors.check(H5Dset_extent(did(), new long[] {end}), "H5Dset_extent");
            }
            transfer(layout.memType(), dstRow, rows, buf, true);
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
            long size = currentSize();
            if (to > size) {
                throw new H5Failure("the table has only " + size + " rows");
            }
            Map<String, ColumnData> out = new LinkedHashMap<>();
            if (rows == 0) {
                try (BytePointer empty = new BytePointer(8)) {
                    for (Field f : chosen) {
                        out.put(f.name(), NativeCodec.decode(f.type(), empty, 0, 8, 0));
                    }
                }
                return out;
            }
            try (PackedLayout layout = new PackedLayout(chosen);
                 ReadBuffer buf = new ReadBuffer(layout.memType(), rows, layout.stride, layout.hasVariableLength)) {
                transfer(layout.memType(), from, rows, buf.bytes, false);
                for (int k = 0; k < chosen.size(); k++) {
                    Field f = chosen.get(k);
                    out.put(f.name(), NativeCodec.decode(f.type(), buf.bytes, rows, layout.stride, layout.offsets[k]));
                }
            }
            return out;
        });
    }

    /** The dataset's attributes ({@code metadata}, {@code parameters}, {@code results} in epyc's files). */
    public Attributes attributes() {
        return new Attributes(file, path, did());
    }

    /** Closes the dataset (a second call does nothing). */
    @Override
    public void close() {
        if (did.isOpen()) {
            file.run("close dataset " + path, did::close);
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
        if (!did.isOpen()) {
            throw new H5Failure("dataset " + path + " is closed");
        }
        return did.get();
    }

    private long currentSize() {
        try (H5Id space = H5Id.space(H5Dget_space(did()), "H5Dget_space")) {
            return H5Errors.check(H5Sget_simple_extent_npoints(space.get()), "H5Sget_simple_extent_npoints");
        }
    }

    /** One H5Dread/H5Dwrite of {@code rows} rows starting at {@code from}. */
    private void transfer(long memType, long from, long rows, BytePointer buf, boolean writing) {
        try (H5Id memSpace = H5Id.space(H5Screate_simple(1, new long[] {rows}, (long[]) null), "H5Screate_simple");
             H5Id fileSpace = H5Id.space(H5Dget_space(did()), "H5Dget_space")) {
            H5Errors.check(H5Sselect_hyperslab(fileSpace.get(), H5S_SELECT_SET, new long[] {from}, null,
                    new long[] {rows}, (long[]) null), "H5Sselect_hyperslab");
            if (writing) {
                H5Errors.check(H5Dwrite(did(), memType, memSpace.get(), fileSpace.get(), H5P_DEFAULT, buf), "H5Dwrite");
            } else {
                H5Errors.check(H5Dread(did(), memType, memSpace.get(), fileSpace.get(), H5P_DEFAULT, buf), "H5Dread");
            }
        }
    }

    /** A dataset creation property list for chunks of {@code chunkRows} rows. */
    private static H5Id chunked(int chunkRows) {
        try (H5Id dcpl = H5Id.propertyList(H5Pcreate(Predefined.DATASET_CREATE), "H5Pcreate")) {
            H5Errors.check(H5Pset_chunk(dcpl.get(), 1, new long[] {chunkRows}), "H5Pset_chunk");
            return dcpl.release();
        }
    }

    /** The file compound type of {@code fields}, members packed in order as h5py packs them. */
    private static H5Id fileType(List<Field> fields) {
        try (H5Id.Several types = new H5Id.Several()) {
            long[] sizes = new long[fields.size()];
            long[] ids = new long[fields.size()];
            long total = 0;
            for (int k = 0; k < ids.length; k++) {
                ids[k] = types.add(fields.get(k).type().createFileType()).get();
                sizes[k] = FieldType.size(ids[k]);
                total += sizes[k];
            }
            try (H5Id t = H5Id.type(H5Tcreate(H5T_COMPOUND, total), "H5Tcreate")) {
                long at = 0;
                for (int k = 0; k < ids.length; k++) {
                    try (CString name = NativeCodec.utf8(fields.get(k).name())) {
                        H5Errors.check(H5Tinsert(t.get(), name, at, ids[k]), "H5Tinsert");
                    }
                    at += sizes[k];
                }
                return t.release();
            }
        }
    }

    private static List<Field> readFields(long did) {
        try (H5Id t = H5Id.type(H5Dget_type(did), "H5Dget_type")) {
            if (FieldType.typeClass(t.get()) != H5T_COMPOUND) {
                throw new H5Failure("not a compound dataset");
            }
            int n = H5Errors.check(H5Tget_nmembers(t.get()), "H5Tget_nmembers");
            List<Field> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                String name = FieldType.memberName(t.get(), k);
                try (H5Id mt = H5Id.type(H5Tget_member_type(t.get(), k), "H5Tget_member_type")) {
                    out.add(new Field(name, FieldType.fromTypeId(mt.get())));
                } catch (H5Failure e) {
                    throw new H5Failure("field '" + name + "': " + e.getMessage());
                }
            }
            return out;
        }
    }
}
