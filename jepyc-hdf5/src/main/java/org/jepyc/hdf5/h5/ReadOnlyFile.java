package org.jepyc.hdf5.h5;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.VariableLength;
import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An HDF5 file read through jhdf, a pure-Java reader, from a {@link Snapshot} of its bytes.
 *
 * <p>Why not the HDF Group's library, which writes the notebooks: it is not robust to damaged
 * input (a flipped byte can make it crash the JVM or spin for minutes holding the one lock
 * every HDF5 call in the process needs), and it locks and marks files it opens. A damaged file
 * read in Java can only throw, which {@link #guard} turns into an {@link H5FileException} naming
 * the file; reading a private copy of the bytes never touches the file and never sees a
 * writer's half-done write. The price, measured on a million-row notebook: reading its table
 * costs about the CPU time the native library took (rows go through {@link RowDecoder}), and
 * the copy holds the file's bytes in memory while it loads (once more while a writer is busy).
 *
 * <p>A file over 2 GiB, more than one array holds, is read the same way from a private
 * temporary copy on disk instead: jhdf reads the copy through a channel and {@link GlobalHeaps}
 * reads the heap collections rows need from it one at a time, so memory holds only what was
 * decoded. {@link #close} (and a failed {@link #open}) closes the copy and deletes it; errors
 * name the original file, never the copy.
 */
public final class ReadOnlyFile implements AutoCloseable {

    private final Path path;
    private final Snapshot snapshot;
    private final HdfFile hdf;
    /** A channel on the private copy for the heaps; null for a file in memory. */
    private final FileChannel copy;
    /** How many bytes of heap collections to keep read from the copy. */
    private final long heapCache;
    private GlobalHeaps heaps;

    private ReadOnlyFile(Path path, Snapshot snapshot, HdfFile hdf, FileChannel copy, long heapCache) {
        this.path = path;
        this.snapshot = snapshot;
        this.hdf = hdf;
        this.copy = copy;
        this.heapCache = heapCache;
    }

    /**
     * @param path an HDF5 file
     * @return the file as it was at one instant, copied into memory (over 2 GiB, to a private
     *         temporary file in {@code java.io.tmpdir})
     * @throws H5FileException if it cannot be read or copied, or is not HDF5
     */
    public static ReadOnlyFile open(Path path) {
        return open(path, Snapshot.IN_MEMORY_LIMIT, Path.of(System.getProperty("java.io.tmpdir")),
                GlobalHeaps.CACHED_BYTES);
    }

    /**
     * @param path          an HDF5 file
     * @param inMemoryLimit the largest file read in memory; a larger one is copied to {@code tempDir}
     * @param tempDir       where a larger file is copied
     * @param heapCache     how many bytes of heap collections to keep read from such a copy
     */
    static ReadOnlyFile open(Path path, long inMemoryLimit, Path tempDir, long heapCache) {
        Path abs = path.toAbsolutePath();
        Snapshot snapshot = Snapshot.take(abs, inMemoryLimit, tempDir);
        if (snapshot.inMemory()) {
            var bytes = snapshot.bytes();
            return new ReadOnlyFile(abs, snapshot, guard(abs, "open", () -> HdfFile.fromByteBuffer(bytes)), null, heapCache);
        }
        // jhdf reads the copy through a channel opened here, not by path: the channel is closed
        // here whatever happens (jhdf's own, opened by path, stays open when opening fails),
        // and jhdf never learns the copy's name, so no message can give it for the file's
        FileChannel channel = null;
        try {
            FileChannel ch = FileChannel.open(snapshot.copy(), StandardOpenOption.READ);
            channel = ch;
            return new ReadOnlyFile(abs, snapshot, guard(abs, "open", () -> new HdfFile(ch)), ch, heapCache);
        } catch (IOException e) {
            closeAll(null, channel, snapshot);
            throw new H5FileException(abs, "cannot read its temporary copy " + snapshot.copy() + ": " + e, e);
        } catch (RuntimeException | Error e) {
            closeAll(null, channel, snapshot);
            throw e;
        }
    }

    /** The absolute path of the file. */
    public Path path() {
        return path;
    }

    /** Names of the links in a group, in the file's order. */
    public List<String> links(String groupPath) {
        return guard("list " + groupPath, () -> new ArrayList<>(group(groupPath).getChildren().keySet()));
    }

    /** Whether {@code path} names a group that can be opened. */
    public boolean isGroup(String objectPath) {
        return guard("open " + objectPath, () -> node(objectPath) instanceof Group);
    }

    /** Whether {@code path} names a dataset. */
    public boolean isDataset(String objectPath) {
        return guard("open " + objectPath, () -> node(objectPath) instanceof Dataset);
    }

    /** Attribute names of an object, in the file's order. */
    public List<String> attributeNames(String objectPath) {
        return guard("list the attributes of " + objectPath,
                () -> new ArrayList<>(node(objectPath).getAttributes().keySet()));
    }

    /** Whether the object has the attribute. */
    public boolean hasAttribute(String objectPath, String name) {
        return guard("look for attribute " + name + " of " + objectPath,
                () -> node(objectPath).getAttributes().containsKey(name));
    }

    /**
     * Reads a scalar attribute as Python's {@code str()} shows what h5py reads: text as it is,
     * h5py bools as True/False, numbers in Python's form. A one-element array reads as its element.
     */
    public String attributeAsString(String objectPath, String name) {
        return guard("read attribute " + name + " of " + objectPath, () -> {
            Attribute a = attribute(objectPath, name);
            DataType t = a.getDataType();
            Object v = scalar(a);
            if (t instanceof EnumDataType) {
                return isBoolEnum(t) ? ("TRUE".equals(v) ? "True" : "False") : String.valueOf(v);
            }
            if (v instanceof Float f) {
                return org.jepyc.resultset.PythonFloats.str(f.doubleValue());
            }
            if (v instanceof Double d) {
                return org.jepyc.resultset.PythonFloats.str(d);
            }
            if (v instanceof String || v instanceof Number) {
                return v.toString();
            }
            throw new IllegalStateException("cannot show a " + t.getClass().getSimpleName() + " attribute as a string");
        });
    }

    /** Reads h5py's bool (an enum FALSE/TRUE), or an integer as C would. */
    public boolean attributeBool(String objectPath, String name) {
        return guard("read attribute " + name + " of " + objectPath, () -> {
            Attribute a = attribute(objectPath, name);
            Object v = scalar(a);
            if (a.getDataType() instanceof EnumDataType t && isBoolEnum(t)) {
                return "TRUE".equals(v);
            }
            if (v instanceof Number n) {
                return n.longValue() != 0;
            }
            throw new IllegalStateException("attribute " + name + " is not a bool");
        });
    }

    /** Reads a scalar integer attribute. */
    public long attributeLong(String objectPath, String name) {
        return guard("read attribute " + name + " of " + objectPath, () -> {
            Attribute a = attribute(objectPath, name);
            if (!(a.getDataType() instanceof FixedPoint)) {
                throw new IllegalStateException("attribute " + name + " is not an integer");
            }
            return ((Number) scalar(a)).longValue();
        });
    }

    /** Reads a 1-D (or scalar) string attribute. */
    public List<String> attributeStrings(String objectPath, String name) {
        return guard("read attribute " + name + " of " + objectPath, () -> {
            Attribute a = attribute(objectPath, name);
            if (a.isEmpty()) {
                return List.of();
            }
            Object d = a.getData();
            List<String> out = new ArrayList<>();
            if (d instanceof String s) {
                out.add(s);
            } else if (d instanceof String[] arr) {
                for (String s : arr) {
                    out.add(s == null ? "" : s);
                }
            } else {
                throw new IllegalStateException("attribute " + name + " is not text");
            }
            return out;
        });
    }

    /**
     * Opens a 1-D compound dataset and recognises its field types.
     *
     * @throws H5FileException if it is missing, damaged, or not of epyc's types
     */
    public Table table(String objectPath) {
        return guard("open table " + objectPath, () -> {
            Node n = node(objectPath);
            if (!(n instanceof Dataset d)) {
                throw new IllegalStateException("not a dataset");
            }
            if (!(d.getDataType() instanceof CompoundDataType ct)) {
                throw new IllegalStateException("not a compound dataset");
            }
            long[] dims = d.getDimensionsAsLong();
            if (dims.length != 1) {
                throw new IllegalStateException("has " + dims.length + " dimensions, not 1");
            }
            List<Field> fields = new ArrayList<>();
            for (CompoundDataType.CompoundDataMember m : ct.getMembers()) {
                if (m.getDimensionSize() != null && m.getDimensionSize().length > 0) {
                    throw new IllegalStateException("field '" + m.getName() + "' is an array, not one of epyc's types");
                }
                fields.add(new Field(m.getName(), fieldType(m.getName(), m.getDataType())));
            }
            return new Table(objectPath, d, List.copyOf(fields), dims[0]);
        });
    }

    /** The file's heap collections, parsed as rows refer to them. */
    private GlobalHeaps heaps() {
        if (heaps == null) {
            long base = hdf.getUserBlockSize();
            int lengthSize = hdf.getHdfBackingStorage().getSizeOfLengths();
            heaps = copy == null ? GlobalHeaps.inMemory(snapshot.bytes().array(), base, lengthSize)
                    : GlobalHeaps.fromCopy(copy, base, lengthSize, heapCache);
        }
        return heaps;
    }

    /** Closes the file and deletes its private copy, if it has one. */
    @Override
    public void close() {
        closeAll(hdf, copy, snapshot);
    }

    /**
     * Closes what a file holds, the copy's deletion last (some systems refuse to delete an open
     * file). jhdf's close also closes any file an external link made it open; for a file read
     * through a channel it then fails to log the file's name, which is harmless.
     */
    private static void closeAll(HdfFile hdf, FileChannel channel, Snapshot snapshot) {
        if (hdf != null) {
            try {
                hdf.close();
            } catch (RuntimeException e) {
                // an in-memory file holds nothing to release; one read through a channel fails
                // only after closing it (see above)
            }
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // a read-only channel loses nothing on close
            }
        }
        snapshot.close();
    }

    /** A compound table of the file. */
    public final class Table {
        private final String objectPath;
        private final Dataset dataset;
        private final List<Field> fields;
        private final long size;

        private Table(String objectPath, Dataset dataset, List<Field> fields, long size) {
            this.objectPath = objectPath;
            this.dataset = dataset;
            this.fields = fields;
            this.size = size;
        }

        /** The path of the table in its file. */
        public String path() {
            return objectPath;
        }

        /** The fields in file order. */
        public List<Field> fields() {
            return fields;
        }

        /** The field names in file order. */
        public List<String> fieldNames() {
            return Field.names(fields);
        }

        /** The number of rows (the dataset's extent). */
        public long size() {
            return size;
        }

        /**
         * Reads rows {@code [from, to)} of every field, keyed by name in file order.
         *
         * @throws H5FileException if the rows cannot be read
         */
        public Map<String, ColumnData> read(long from, long to) {
            if (from < 0 || to < from || to > size || to - from > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("bad row range [" + from + ", " + to + ") of " + size + " rows");
            }
            int n = (int) (to - from);
            return guard("read rows [" + from + ", " + to + ") of " + objectPath, () -> {
                if (n > 0 && dataset instanceof io.jhdf.api.dataset.ChunkedDataset chunked) {
                    return new RowDecoder(chunked, fields, heaps()).read(from, n);
                }
                Map<String, ColumnData> out = new LinkedHashMap<>();
                Map<?, ?> raw = n == 0 ? Map.of() : (Map<?, ?>) dataset.getData(new long[] {from}, new int[] {n});
                for (Field f : fields) {
                    Object column = raw.get(f.name());
                    Object counted = column instanceof Map<?, ?> parts ? parts.get("r") : column;   // complex: r, i
                    if (n > 0 && (counted == null || Array.getLength(counted) != n)) {
                        throw new IllegalStateException("field '" + f.name() + "' did not read as " + n + " values");
                    }
                    out.put(f.name(), column(f, column, n));
                }
                return out;
            });
        }
    }

    private Node node(String objectPath) {
        if (objectPath.equals("/")) {
            return hdf;
        }
        Node n = hdf.getByPath(objectPath.startsWith("/") ? objectPath.substring(1) : objectPath);
        if (n == null) {
            throw new IllegalStateException("no object " + objectPath);
        }
        return n;
    }

    private Group group(String objectPath) {
        Node n = node(objectPath);
        if (!(n instanceof Group g)) {
            throw new IllegalStateException(objectPath + " is not a group");
        }
        return g;
    }

    private Attribute attribute(String objectPath, String name) {
        Attribute a = node(objectPath).getAttribute(name);
        if (a == null) {
            throw new IllegalStateException("no attribute " + name);
        }
        return a;
    }

    private static Object scalar(Attribute a) {
        Object d = a.getData();
        if (d != null && d.getClass().isArray()) {
            if (Array.getLength(d) != 1) {
                throw new IllegalStateException("attribute " + a.getName() + " is not a single value");
            }
            return Array.get(d, 0);
        }
        return d;
    }

    /** The field type epyc's mapping gives this HDF5 type (see {@link FieldType}). */
    private static FieldType fieldType(String name, DataType t) {
        if (t instanceof FixedPoint fp && (t.getSize() == 1 || t.getSize() == 2 || t.getSize() == 4 || t.getSize() == 8)) {
            return FieldType.integer(t.getSize() * 8, fp.isSigned());
        }
        if (t instanceof FloatingPoint && (t.getSize() == 4 || t.getSize() == 8)) {
            return FieldType.floating(t.getSize() * 8);
        }
        if (t instanceof EnumDataType e && isBoolEnum(e)) {
            return FieldType.BOOL;
        }
        if (t instanceof VariableLength v) {
            if (v.isVariableLengthString()) {
                return FieldType.STRING;
            }
            return FieldType.vlen(fieldType(name, v.getParent()));
        }
        if (t instanceof CompoundDataType c && isComplex(c)) {
            return FieldType.COMPLEX;
        }
        throw new IllegalStateException("field '" + name + "' has HDF5 type " + t.getClass().getSimpleName()
                + " of " + t.getSize() + " bytes, not one of epyc's types");
    }

    private static boolean isBoolEnum(DataType t) {
        if (!(t instanceof EnumDataType e) || t.getSize() != 1) {
            return false;
        }
        Map<Integer, String> m = e.getEnumMapping();
        return m.size() == 2 && "FALSE".equals(m.get(0)) && "TRUE".equals(m.get(1));
    }

    private static boolean isComplex(CompoundDataType c) {
        List<CompoundDataType.CompoundDataMember> m = c.getMembers();
        return m.size() == 2 && "r".equals(m.get(0).getName()) && "i".equals(m.get(1).getName())
                && m.get(0).getDataType() instanceof FloatingPoint && m.get(0).getDataType().getSize() == 8
                && m.get(1).getDataType() instanceof FloatingPoint && m.get(1).getDataType().getSize() == 8;
    }

    /** jhdf's array for one field, as the layer's column. */
    private static ColumnData column(Field f, Object raw, int n) {
        FieldType t = f.type();
        switch (t.kind()) {
            case INT: {
                if (raw instanceof long[] l) {
                    return new ColumnData.Longs(l);
                }
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = longOf(Array.get(raw, i));
                }
                return new ColumnData.Longs(v);
            }
            case FLOAT: {
                if (raw instanceof double[] d) {
                    return new ColumnData.Doubles(d);
                }
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = ((Number) Array.get(raw, i)).doubleValue();
                }
                return new ColumnData.Doubles(v);
            }
            case BOOL: {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = boolOf(Array.get(raw, i));
                }
                return new ColumnData.Booleans(v);
            }
            case STRING: {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    Object s = Array.get(raw, i);
                    v[i] = s == null ? "" : (String) s;
                }
                return new ColumnData.Strings(v);
            }
            case COMPLEX: {
                double[] re = new double[n];
                double[] im = new double[n];
                if (n > 0) {
                    Map<?, ?> parts = (Map<?, ?>) raw;
                    for (int i = 0; i < n; i++) {
                        re[i] = ((Number) Array.get(parts.get("r"), i)).doubleValue();
                        im[i] = ((Number) Array.get(parts.get("i"), i)).doubleValue();
                    }
                }
                return new ColumnData.Complexes(re, im);
            }
            default: {
                List<?>[] v = new List<?>[n];
                for (int i = 0; i < n; i++) {
                    v[i] = list(t.element(), Array.get(raw, i));
                }
                return new ColumnData.Lists(v);
            }
        }
    }

    private static List<Object> list(FieldType element, Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (element.kind() == FieldType.Kind.COMPLEX && raw instanceof Map<?, ?> parts) {
            Object r = parts.get("r");
            int n = r == null ? 0 : Array.getLength(r);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new ComplexPair(((Number) Array.get(r, i)).doubleValue(),
                        ((Number) Array.get(parts.get("i"), i)).doubleValue()));
            }
            return Collections.unmodifiableList(out);
        }
        int n = Array.getLength(raw);
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object e = Array.get(raw, i);
            out.add(switch (element.kind()) {
                case INT -> longOf(e);
                case FLOAT -> ((Number) e).doubleValue();
                case BOOL -> boolOf(e);
                case STRING -> e == null ? "" : (String) e;
                case VLEN -> list(element.element(), e);
                case COMPLEX -> throw new IllegalStateException("complex list element read as " + e);
            });
        }
        return Collections.unmodifiableList(out);
    }

    private static long longOf(Object o) {
        if (o instanceof BigInteger b) {
            return b.bitLength() < 64 ? b.longValue() : Long.MAX_VALUE;   // unsigned 64-bit values are clipped
        }
        return ((Number) o).longValue();
    }

    private static boolean boolOf(Object o) {
        if (o instanceof String s) {
            return "TRUE".equals(s);
        }
        if (o instanceof Boolean b) {
            return b;
        }
        return ((Number) o).longValue() != 0;
    }

    private <T> T guard(String what, Supplier<T> action) {
        return guard(path, what, action);
    }

    /**
     * Runs a read, turning whatever a damaged file makes jhdf throw into an {@link H5FileException}
     * naming the file. A damaged size can ask for an array larger than memory or a structure can
     * point back at itself: those errors only end this read, so they are caught here too. jhdf
     * words the errors of a file it reads through a channel (a private copy) as of a "remote
     * file": the copy is local, so those words go.
     */
    private static <T> T guard(Path path, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (H5FileException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            reason = reason.replace(" in remote file", "");
            throw new H5FileException(path, what + ": " + reason, e);
        }
    }
}
