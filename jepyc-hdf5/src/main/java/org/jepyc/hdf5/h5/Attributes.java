package org.jepyc.hdf5.h5;

import static org.bytedeco.hdf5.global.hdf5.H5Acreate2;
import static org.bytedeco.hdf5.global.hdf5.H5Adelete;
import static org.bytedeco.hdf5.global.hdf5.H5Aexists;
import static org.bytedeco.hdf5.global.hdf5.H5Aget_name_by_idx;
import static org.bytedeco.hdf5.global.hdf5.H5Aget_space;
import static org.bytedeco.hdf5.global.hdf5.H5Aget_type;
import static org.bytedeco.hdf5.global.hdf5.H5Aopen;
import static org.bytedeco.hdf5.global.hdf5.H5Aread;
import static org.bytedeco.hdf5.global.hdf5.H5Awrite;
import static org.bytedeco.hdf5.global.hdf5.H5O_INFO_NUM_ATTRS;
import static org.bytedeco.hdf5.global.hdf5.H5Oget_info3;
import static org.bytedeco.hdf5.global.hdf5.H5Oopen;
import static org.bytedeco.hdf5.global.hdf5.H5P_DEFAULT;
import static org.bytedeco.hdf5.global.hdf5.H5S_SCALAR;
import static org.bytedeco.hdf5.global.hdf5.H5Screate;
import static org.bytedeco.hdf5.global.hdf5.H5Screate_simple;
import static org.bytedeco.hdf5.global.hdf5.H5Sget_simple_extent_npoints;
import static org.bytedeco.hdf5.global.hdf5.H5T_INTEGER;
import static org.bytedeco.hdf5.global.hdf5.H5T_STRING;
import static org.bytedeco.hdf5.global.hdf5.H5Tis_variable_str;
import static org.bytedeco.hdf5.global.hdf5.H5_INDEX_NAME;
import static org.bytedeco.hdf5.global.hdf5.H5_ITER_INC;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.bytedeco.hdf5.H5O_info2_t;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.LongPointer;

/**
 * The attributes of one group or dataset, in the forms epyc uses: scalar variable-length UTF-8
 * strings, scalar h5py bools, and 1-D arrays of strings (the field-name lists on {@code results}).
 * Writing an attribute replaces any existing one of that name, whatever its type.
 */
public final class Attributes {

    private final H5File file;
    private final String objectPath;
    private final long objectId;

    Attributes(H5File file, String objectPath) {
        this(file, objectPath, -1);
    }

    /** Attributes of an object already open as {@code objectId} ({@code label} names it in messages). */
    Attributes(H5File file, String label, long objectId) {
        this.file = file;
        this.objectPath = label;
        this.objectId = objectId;
    }

    /** Attribute names in HDF5's name order. */
    public List<String> names() {
        return onObject("list attributes", oid -> {
            long n;
            try (H5O_info2_t info = new H5O_info2_t()) {
                H5Errors.check(H5Oget_info3(oid, info, H5O_INFO_NUM_ATTRS), "H5Oget_info3");
                n = info.num_attrs();
            }
            List<String> names = new ArrayList<>((int) n);
            for (long i = 0; i < n; i++) {
                long len = H5Errors.check(H5Aget_name_by_idx(oid, ".", H5_INDEX_NAME, H5_ITER_INC, i, (byte[]) null, 0,
                        H5P_DEFAULT), "H5Aget_name_by_idx");
                byte[] name = new byte[(int) len + 1];
                H5Errors.check(H5Aget_name_by_idx(oid, ".", H5_INDEX_NAME, H5_ITER_INC, i, name, name.length,
                        H5P_DEFAULT), "H5Aget_name_by_idx");
                names.add(new String(name, 0, (int) len, StandardCharsets.UTF_8));
            }
            return names;
        });
    }

    /** Whether the attribute exists. */
    public boolean exists(String name) {
        return onObject("look for attribute " + name, oid -> exists(oid, name));
    }

    /** Deletes the attribute if present. */
    public void delete(String name) {
        onObject("delete attribute " + name, oid -> {
            replace(oid, name);
            return null;
        });
    }

    /** Deletes every attribute (epyc clears a result set's group attributes before rewriting them). */
    public void deleteAll() {
        for (String name : names()) {
            delete(name);
        }
    }

    /** Writes a scalar variable-length UTF-8 string attribute. */
    public void writeString(String name, String value) {
        writeStrings(name, new String[] {value}, true);
    }

    /** Writes a 1-D array of variable-length UTF-8 strings (an empty array is allowed). */
    public void writeStringArray(String name, List<String> values) {
        writeStrings(name, values.toArray(new String[0]), false);
    }

    /** Writes a scalar bool as h5py does: enum {FALSE=0, TRUE=1} over int8. */
    public void writeBool(String name, boolean value) {
        onObject("write attribute " + name, oid -> {
            replace(oid, name);
            try (H5Id ftype = FieldType.BOOL.createFileType();
                 H5Id mtype = FieldType.BOOL.createMemoryType();
                 H5Id aid = create(oid, name, ftype.get());
                 BytePointer b = new BytePointer(1)) {
                H5Errors.check(H5Awrite(aid.get(), mtype.get(), b.put(0, (byte) (value ? 1 : 0))), "H5Awrite");
            }
            return null;
        });
    }

    /**
     * Writes a scalar int64 attribute. An existing int64 attribute of that name is overwritten in
     * place (same size, so no file space moves: used for the commit marker); anything else is
     * replaced.
     */
    public void writeLong(String name, long value) {
        onObject("write attribute " + name, oid -> {
            try (LongPointer v = new LongPointer(1)) {
                v.put(0, value);
                if (exists(oid, name)) {
                    try (H5Id aid = open(oid, name);
                         H5Id t = H5Id.type(H5Aget_type(aid.get()), "H5Aget_type");
                         H5Id space = H5Id.space(H5Aget_space(aid.get()), "H5Aget_space")) {
                        if (FieldType.typeClass(t.get()) == H5T_INTEGER && FieldType.size(t.get()) == 8
                                && npoints(space.get()) == 1) {
                            H5Errors.check(H5Awrite(aid.get(), Predefined.NATIVE_INT64, v), "H5Awrite");
                            return null;
                        }
                    }
                    replace(oid, name);
                }
                try (H5Id aid = create(oid, name, Predefined.STD_I64LE)) {
                    H5Errors.check(H5Awrite(aid.get(), Predefined.NATIVE_INT64, v), "H5Awrite");
                }
            }
            return null;
        });
    }

    /** Reads a scalar integer attribute. */
    public long readLong(String name) {
        return onAttribute(name, (aid, type, space) -> {
            if (FieldType.typeClass(type) != H5T_INTEGER || npoints(space) != 1) {
                throw new H5Failure("not a scalar integer attribute");
            }
            return readLong(aid);
        });
    }

    /** Reads a scalar string attribute (variable- or fixed-length). */
    public String readString(String name) {
        List<String> v = readStringArray(name);
        if (v.size() != 1) {
            throw new H5FileException(file.path(), objectPath + "@" + name + " holds " + v.size() + " strings, not one");
        }
        return v.get(0);
    }

    /** Reads a string attribute of any shape as a flat list. */
    public List<String> readStringArray(String name) {
        return onAttribute(name, (aid, type, space) -> {
            int cls = FieldType.typeClass(type);
            if (cls != H5T_STRING) {
                throw new H5Failure("not a string attribute but " + FieldType.className(cls));
            }
            return readStrings(aid, type, space);
        });
    }

    /** Reads a scalar bool attribute (h5py's enum, or any integer where non-zero is true). */
    public boolean readBool(String name) {
        return onAttribute(name, (aid, type, space) -> {
            FieldType t = FieldType.fromTypeId(type);
            if (t.kind() == FieldType.Kind.BOOL) {
                long n = npoints(space);
                try (H5Id mtype = FieldType.BOOL.createMemoryType(); BytePointer b = new BytePointer(Math.max(1, n))) {
                    H5Errors.check(H5Aread(aid, mtype.get(), b), "H5Aread");
                    return n == 1 && b.get(0) != 0;
                }
            } else if (t.kind() == FieldType.Kind.INT) {
                // HDF5 writes every element: an array read into one long would overrun the buffer
                if (npoints(space) != 1) {
                    throw new H5Failure("not a scalar bool attribute");
                }
                return readLong(aid) != 0;
            }
            throw new H5Failure("not a bool attribute but " + t);
        });
    }

    /**
     * Reads any scalar attribute as Python's {@code str()} would show it after h5py read it: epyc
     * reads result-set attributes back that way, so they always come back as strings.
     */
    public String readAsString(String name) {
        return onAttribute(name, (aid, type, space) -> {
            int cls = FieldType.typeClass(type);
            if (cls == H5T_STRING) {
                List<String> v = readStrings(aid, type, space);
                return v.size() == 1 ? v.get(0) : v.toString();
            }
            if (npoints(space) != 1) {
                throw new H5Failure("cannot show a non-scalar " + FieldType.className(cls) + " attribute as a string");
            }
            FieldType t = FieldType.fromTypeId(type);
            return switch (t.kind()) {
                case BOOL -> readBoolScalar(aid) ? "True" : "False";
                case INT -> Long.toString(readLong(aid));
                case FLOAT -> pythonFloat(readDouble(aid));
                default -> throw new H5Failure("cannot show a " + t + " attribute as a string");
            };
        });
    }

    private static boolean readBoolScalar(long aid) {
        try (H5Id mtype = FieldType.BOOL.createMemoryType(); BytePointer b = new BytePointer(1)) {
            H5Errors.check(H5Aread(aid, mtype.get(), b), "H5Aread");
            return b.get(0) != 0;
        }
    }

    private static long readLong(long aid) {
        try (LongPointer v = new LongPointer(1)) {
            H5Errors.check(H5Aread(aid, Predefined.NATIVE_INT64, v), "H5Aread");
            return v.get(0);
        }
    }

    private static double readDouble(long aid) {
        try (DoublePointer v = new DoublePointer(1)) {
            H5Errors.check(H5Aread(aid, Predefined.NATIVE_DOUBLE, v), "H5Aread");
            return v.get(0);
        }
    }

    /** Python's repr of a float: shortest round-trip digits, exponent form outside [1e-4, 1e16). */
    public static String pythonFloat(double d) {
        return org.jepyc.resultset.PythonFloats.str(d);
    }

    private void writeStrings(String name, String[] values, boolean scalar) {
        onObject("write attribute " + name, oid -> {
            replace(oid, name);
            try (H5Id type = FieldType.STRING.createFileType();
                 H5Id space = scalar ? H5Id.space(H5Screate(H5S_SCALAR), "H5Screate")
                         : H5Id.space(H5Screate_simple(1, new long[] {values.length}, (long[]) null), "H5Screate_simple");
                 H5Id aid = H5Id.of(H5Id.Kind.ATTRIBUTE, create(oid, name, type.get(), space.get()), "H5Acreate2");
                 Arena arena = new Arena();
                 BytePointer buf = new BytePointer(Math.max(1, values.length) * 8L)) {
                ByteBuffer pointers = buf.asByteBuffer().order(ByteOrder.nativeOrder());
                for (int i = 0; i < values.length; i++) {
                    NativeCodec.encodeValue(values[i] == null ? "" : values[i], FieldType.STRING, pointers, i * 8, arena);
                }
                if (values.length > 0) {
                    H5Errors.check(H5Awrite(aid.get(), type.get(), buf), "H5Awrite");
                }
            }
            return null;
        });
    }

    private static List<String> readStrings(long aid, long type, long space) {
        int n = (int) npoints(space);
        List<String> out = new ArrayList<>(n);
        if (n == 0) {
            return out;
        }
        if (!H5Errors.isTrue(H5Tis_variable_str(type), "H5Tis_variable_str")) {
            // Fixed-length strings (not written by epyc, but by other tools): NUL- or space-padded bytes.
            int size = (int) FieldType.size(type);
            byte[] raw = new byte[n * size];
            try (BytePointer buf = new BytePointer((long) n * size)) {
                H5Errors.check(H5Aread(aid, type, buf), "H5Aread");
                buf.get(raw);
            }
            for (int i = 0; i < n; i++) {
                int end = i * size;
                while (end < (i + 1) * size && raw[end] != 0) {
                    end++;
                }
                out.add(new String(raw, i * size, end - i * size, StandardCharsets.UTF_8).stripTrailing());
            }
            return out;
        }
        try (H5Id mtype = FieldType.STRING.createMemoryType();
             ReadBuffer buf = new ReadBuffer(mtype.get(), n, 8, true)) {
            H5Errors.check(H5Aread(aid, mtype.get(), buf.bytes), "H5Aread");
            for (int i = 0; i < n; i++) {
                out.add(NativeCodec.getString(buf.bytes, i * 8L));
            }
        }
        return out;
    }

    private static long npoints(long space) {
        return H5Errors.check(H5Sget_simple_extent_npoints(space), "H5Sget_simple_extent_npoints");
    }

    private static boolean exists(long oid, String name) {
        try (CString n = NativeCodec.utf8(name)) {
            return H5Errors.isTrue(H5Aexists(oid, n), "H5Aexists");
        }
    }

    /** Deletes attribute {@code name} if it exists. */
    private static void replace(long oid, String name) {
        try (CString n = NativeCodec.utf8(name)) {
            if (H5Errors.isTrue(H5Aexists(oid, n), "H5Aexists")) {
                H5Errors.check(H5Adelete(oid, n), "H5Adelete");
            }
        }
    }

    private static H5Id open(long oid, String name) {
        try (CString n = NativeCodec.utf8(name)) {
            return H5Id.of(H5Id.Kind.ATTRIBUTE, H5Aopen(oid, n, H5P_DEFAULT), "H5Aopen");
        }
    }

    /** Creates a scalar attribute of file type {@code type}. */
    private static H5Id create(long oid, String name, long type) {
        try (H5Id space = H5Id.space(H5Screate(H5S_SCALAR), "H5Screate")) {
            return H5Id.of(H5Id.Kind.ATTRIBUTE, create(oid, name, type, space.get()), "H5Acreate2");
        }
    }

    /** {@code H5Acreate2}'s result, not yet checked. */
    private static long create(long oid, String name, long type, long space) {
        try (CString n = NativeCodec.utf8(name)) {
            return H5Acreate2(oid, n, type, space, H5P_DEFAULT, H5P_DEFAULT);
        }
    }

    private <T> T onObject(String what, LongFunction<T> action) {
        return file.call(what + " on " + objectPath, () -> {
            if (objectId >= 0) {
                return action.apply(objectId);
            }
            try (CString p = NativeCodec.utf8(objectPath);
                 H5Id oid = H5Id.of(H5Id.Kind.OBJECT, H5Oopen(file.id(), p, H5P_DEFAULT), "H5Oopen")) {
                return action.apply(oid.get());
            }
        });
    }

    private interface AttributeReader<T> {
        T read(long aid, long type, long space);
    }

    private <T> T onAttribute(String name, AttributeReader<T> reader) {
        return onObject("read attribute " + name, oid -> {
            if (!exists(oid, name)) {
                throw new H5Failure("no attribute '" + name + "'");
            }
            try (H5Id aid = open(oid, name);
                 H5Id type = H5Id.type(H5Aget_type(aid.get()), "H5Aget_type");
                 H5Id space = H5Id.space(H5Aget_space(aid.get()), "H5Aget_space")) {
                return reader.read(aid.get(), type.get(), space.get());
            }
        });
    }
}
