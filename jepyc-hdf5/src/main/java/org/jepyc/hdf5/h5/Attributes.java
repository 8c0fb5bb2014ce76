package org.jepyc.hdf5.h5;

import static hdf.hdf5lib.HDF5Constants.*;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.bytedeco.hdf5.global.hdf5;
import org.bytedeco.javacpp.BytePointer;

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
            long n = H5.H5Oget_info(oid).num_attrs;
            List<String> names = new ArrayList<>((int) n);
            for (long i = 0; i < n; i++) {
                names.add(H5.H5Aget_name_by_idx(oid, ".", H5_INDEX_NAME, H5_ITER_INC, i, H5P_DEFAULT));
            }
            return names;
        });
    }

    /** Whether the attribute exists. */
    public boolean exists(String name) {
        return onObject("look for attribute " + name, oid -> H5.H5Aexists(oid, name));
    }

    /** Deletes the attribute if present. */
    public void delete(String name) {
        onObject("delete attribute " + name, oid -> {
            if (H5.H5Aexists(oid, name)) {
                H5.H5Adelete(oid, name);
            }
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
            long ftype = FieldType.BOOL.createFileType();
            long mtype = FieldType.BOOL.createMemoryType();
            long space = H5.H5Screate(H5S_SCALAR);
            try {
                long aid = H5.H5Acreate(oid, name, ftype, space, H5P_DEFAULT, H5P_DEFAULT);
                try {
                    H5.H5Awrite(aid, mtype, new byte[] {(byte) (value ? 1 : 0)});
                } finally {
                    H5.H5Aclose(aid);
                }
            } finally {
                H5.H5Sclose(space);
                H5.H5Tclose(mtype);
                H5.H5Tclose(ftype);
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
            if (H5.H5Aexists(oid, name)) {
                long aid = H5.H5Aopen(oid, name, H5P_DEFAULT);
                try {
                    long t = H5.H5Aget_type(aid);
                    long s = H5.H5Aget_space(aid);
                    try {
                        if (H5.H5Tget_class(t) == H5T_INTEGER && H5.H5Tget_size(t) == 8
                                && H5.H5Sget_simple_extent_npoints(s) == 1) {
                            H5.H5Awrite(aid, H5T_NATIVE_INT64, new long[] {value});
                            return null;
                        }
                    } finally {
                        H5.H5Sclose(s);
                        H5.H5Tclose(t);
                    }
                } finally {
                    H5.H5Aclose(aid);
                }
                H5.H5Adelete(oid, name);
            }
            long space = H5.H5Screate(H5S_SCALAR);
            try {
                long aid = H5.H5Acreate(oid, name, H5T_STD_I64LE, space, H5P_DEFAULT, H5P_DEFAULT);
                try {
                    H5.H5Awrite(aid, H5T_NATIVE_INT64, new long[] {value});
                } finally {
                    H5.H5Aclose(aid);
                }
            } finally {
                H5.H5Sclose(space);
            }
            return null;
        });
    }

    /** Reads a scalar integer attribute. */
    public long readLong(String name) {
        return onAttribute(name, (aid, type, space) -> {
            if (H5.H5Tget_class(type) != H5T_INTEGER || H5.H5Sget_simple_extent_npoints(space) != 1) {
                throw new HDF5Exception("not a scalar integer attribute");
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
            if (H5.H5Tget_class(type) != H5T_STRING) {
                throw new HDF5Exception("not a string attribute but " + H5.H5Tget_class_name(H5.H5Tget_class(type)));
            }
            return readStrings(aid, type, space);
        });
    }

    /** Reads a scalar bool attribute (h5py's enum, or any integer where non-zero is true). */
    public boolean readBool(String name) {
        return onAttribute(name, (aid, type, space) -> {
            FieldType t = FieldType.fromTypeId(type);
            if (t.kind() == FieldType.Kind.BOOL) {
                long mtype = FieldType.BOOL.createMemoryType();
                try {
                    byte[] b = new byte[(int) H5.H5Sget_simple_extent_npoints(space)];
                    H5.H5Aread(aid, mtype, b);
                    return b.length == 1 && b[0] != 0;
                } finally {
                    H5.H5Tclose(mtype);
                }
            } else if (t.kind() == FieldType.Kind.INT) {
                // HDF5 writes every element: an array read into one long would overrun JNI's copy
                if (H5.H5Sget_simple_extent_npoints(space) != 1) {
                    throw new HDF5Exception("not a scalar bool attribute");
                }
                return readLong(aid) != 0;
            }
            throw new HDF5Exception("not a bool attribute but " + t);
        });
    }

    /**
     * Reads any scalar attribute as Python's {@code str()} would show it after h5py read it: epyc
     * reads result-set attributes back that way, so they always come back as strings.
     */
    public String readAsString(String name) {
        return onAttribute(name, (aid, type, space) -> {
            int cls = H5.H5Tget_class(type);
            if (cls == H5T_STRING) {
                List<String> v = readStrings(aid, type, space);
                return v.size() == 1 ? v.get(0) : v.toString();
            }
            if (H5.H5Sget_simple_extent_npoints(space) != 1) {
                throw new HDF5Exception("cannot show a non-scalar " + H5.H5Tget_class_name(cls) + " attribute as a string");
            }
            FieldType t = FieldType.fromTypeId(type);
            return switch (t.kind()) {
                case BOOL -> readBoolScalar(aid) ? "True" : "False";
                case INT -> Long.toString(readLong(aid));
                case FLOAT -> pythonFloat(readDouble(aid));
                default -> throw new HDF5Exception("cannot show a " + t + " attribute as a string");
            };
        });
    }

    private boolean readBoolScalar(long aid) {
        long mtype = FieldType.BOOL.createMemoryType();
        try {
            byte[] b = new byte[1];
            H5.H5Aread(aid, mtype, b);
            return b[0] != 0;
        } finally {
            H5.H5Tclose(mtype);
        }
    }

    private static long readLong(long aid) {
        long[] v = new long[1];
        H5.H5Aread_long(aid, H5T_NATIVE_INT64, v);
        return v[0];
    }

    private static double readDouble(long aid) {
        double[] v = new double[1];
        H5.H5Aread_double(aid, H5T_NATIVE_DOUBLE, v);
        return v[0];
    }

    /** Python's repr of a float: shortest round-trip digits, exponent form outside [1e-4, 1e16). */
    public static String pythonFloat(double d) {
        return org.jepyc.resultset.PythonFloats.str(d);
    }

    private void writeStrings(String name, String[] values, boolean scalar) {
        onObject("write attribute " + name, oid -> {
            replace(oid, name);
            long type = FieldType.STRING.createFileType();
            long space = scalar ? H5.H5Screate(H5S_SCALAR)
                    : H5.H5Screate_simple(1, new long[] {values.length}, null);
            try (Arena arena = new Arena()) {
                long aid = H5.H5Acreate(oid, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
                try (BytePointer buf = new BytePointer(Math.max(1, values.length) * 8L)) {
                    ByteBuffer pointers = buf.asByteBuffer().order(ByteOrder.nativeOrder());
                    for (int i = 0; i < values.length; i++) {
                        NativeCodec.encodeValue(values[i] == null ? "" : values[i], FieldType.STRING, pointers, i * 8,
                                arena);
                    }
                    if (values.length > 0) {
                        H5Errors.check(hdf5.H5Awrite(aid, type, buf), "H5Awrite");
                    }
                } finally {
                    H5.H5Aclose(aid);
                }
            } finally {
                H5.H5Sclose(space);
                H5.H5Tclose(type);
            }
            return null;
        });
    }

    private static List<String> readStrings(long aid, long type, long space) {
        int n = (int) H5.H5Sget_simple_extent_npoints(space);
        List<String> out = new ArrayList<>(n);
        if (n == 0) {
            return out;
        }
        if (!H5.H5Tis_variable_str(type)) {
            // Fixed-length strings (not written by epyc, but by other tools): NUL- or space-padded bytes.
            int size = (int) H5.H5Tget_size(type);
            byte[] raw = new byte[n * size];
            H5.H5Aread(aid, type, raw);
            for (int i = 0; i < n; i++) {
                int end = i * size;
                while (end < (i + 1) * size && raw[end] != 0) {
                    end++;
                }
                out.add(new String(raw, i * size, end - i * size, StandardCharsets.UTF_8).stripTrailing());
            }
            return out;
        }
        long mtype = FieldType.STRING.createMemoryType();
        try (BytePointer buf = new BytePointer(n * 8L)) {
            buf.fill(0);
            try {
                // inside the try: a read that fails half-way has allocated strings already
                H5Errors.check(hdf5.H5Aread(aid, mtype, buf), "H5Aread");
                for (int i = 0; i < n; i++) {
                    out.add(NativeCodec.getString(buf, i * 8L));
                }
            } finally {
                H5Errors.check(hdf5.H5Treclaim(mtype, space, H5P_DEFAULT, buf), "H5Treclaim");
            }
        } finally {
            H5.H5Tclose(mtype);
        }
        return out;
    }

    private static void replace(long oid, String name) {
        if (H5.H5Aexists(oid, name)) {
            H5.H5Adelete(oid, name);
        }
    }

    private <T> T onObject(String what, LongFunction<T> action) {
        return file.call(what + " on " + objectPath, () -> {
            if (objectId >= 0) {
                return action.apply(objectId);
            }
            long oid = H5.H5Oopen(file.id(), objectPath, H5P_DEFAULT);
            try {
                return action.apply(oid);
            } finally {
                H5.H5Oclose(oid);
            }
        });
    }

    private interface AttributeReader<T> {
        T read(long aid, long type, long space);
    }

    private <T> T onAttribute(String name, AttributeReader<T> reader) {
        return onObject("read attribute " + name, oid -> {
            if (!H5.H5Aexists(oid, name)) {
                throw new HDF5Exception("no attribute '" + name + "'");
            }
            long aid = H5.H5Aopen(oid, name, H5P_DEFAULT);
            long type = -1;
            long space = -1;
            try {
                type = H5.H5Aget_type(aid);
                space = H5.H5Aget_space(aid);
                return reader.read(aid, type, space);
            } finally {
                if (space >= 0) {
                    H5.H5Sclose(space);
                }
                if (type >= 0) {
                    H5.H5Tclose(type);
                }
                H5.H5Aclose(aid);
            }
        });
    }
}
