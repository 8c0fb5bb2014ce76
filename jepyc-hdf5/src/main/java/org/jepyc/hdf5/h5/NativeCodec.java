package org.jepyc.hdf5.h5;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Moves column values between Java arrays and native buffers laid out as HDF5 memory types
 * ({@link FieldType#createMemoryType()}): a value of row {@code i} sits at
 * {@code base + i * stride + offset}, so one buffer can hold several fields of a packed compound.
 *
 * <p>Variable-length data is why this works on native memory: strings are {@code char*} to
 * NUL-terminated UTF-8 and sequences are {@code hvl_t {size_t len; void *p}}. We encode and decode
 * the UTF-8 ourselves (JNI's "modified UTF-8" mangles characters outside the BMP).
 */
final class NativeCodec {

    private NativeCodec() {}

    /**
     * Writes rows {@code [from, to)} of {@code col} into {@code buf}. Native blocks allocated for
     * strings and sequences are added to {@code keep}; close them once HDF5 has consumed the buffer.
     */
    static void encode(ColumnData col, FieldType type, int from, int to, BytePointer buf, long stride,
            long offset, List<Pointer> keep) {
        checkKind(col, type);
        for (int i = from; i < to; i++) {
            long at = (i - from) * stride + offset;
            encodeRow(col, i, type, buf, at, keep);
        }
    }

    private static void encodeRow(ColumnData col, int i, FieldType type, BytePointer buf, long at, List<Pointer> keep) {
        if (col instanceof ColumnData.Longs l) {
            buf.putLong(at, l.values()[i]);
        } else if (col instanceof ColumnData.Doubles d) {
            buf.putDouble(at, d.values()[i]);
        } else if (col instanceof ColumnData.Booleans b) {
            buf.put(at, (byte) (b.values()[i] ? 1 : 0));
        } else if (col instanceof ColumnData.Strings s) {
            putString(s.values()[i], buf, at, keep);
        } else if (col instanceof ColumnData.Complexes c) {
            buf.putDouble(at, c.re()[i]);
            buf.putDouble(at + 8, c.im()[i]);
        } else if (col instanceof ColumnData.Lists ls) {
            putList(ls.values()[i], type.element(), buf, at, keep);
        }
    }

    /** Encodes one boxed value (a list element) of the given type at {@code at}. */
    static void encodeValue(Object v, FieldType type, BytePointer buf, long at, List<Pointer> keep) {
        switch (type.kind()) {
            case INT -> buf.putLong(at, ((Number) require(v, Number.class, type)).longValue());
            case FLOAT -> buf.putDouble(at, ((Number) require(v, Number.class, type)).doubleValue());
            case BOOL -> buf.put(at, (byte) (((Boolean) require(v, Boolean.class, type)) ? 1 : 0));
            case STRING -> putString((String) require(v, String.class, type), buf, at, keep);
            case COMPLEX -> {
                Complex c = (Complex) require(v, Complex.class, type);
                buf.putDouble(at, c.re());
                buf.putDouble(at + 8, c.im());
            }
            case VLEN -> putList((List<?>) require(v, List.class, type), type.element(), buf, at, keep);
        }
    }

    private static void putString(String s, BytePointer buf, long at, List<Pointer> keep) {
        byte[] utf8 = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        for (byte b : utf8) {
            if (b == 0) {
                throw new IllegalArgumentException("string contains a NUL character, which HDF5's "
                        + "null-terminated strings cannot hold: " + s);
            }
        }
        BytePointer p = new BytePointer(utf8.length + 1L);
        p.put(utf8, 0, utf8.length);
        p.put((long) utf8.length, (byte) 0);
        keep.add(p);
        buf.putPointerValue(at, p);
    }

    private static void putList(List<?> list, FieldType element, BytePointer buf, long at, List<Pointer> keep) {
        int n = list == null ? 0 : list.size();
        buf.putLong(at, n);
        if (n == 0) {
            buf.putPointerValue(at + 8, null);
            return;
        }
        long size = element.memorySize();
        BytePointer p = new BytePointer(n * size);
        keep.add(p);
        for (int k = 0; k < n; k++) {
            encodeValue(list.get(k), element, p, k * size, keep);
        }
        buf.putPointerValue(at + 8, p);
    }

    /** Reads {@code n} rows of one field from {@code buf} into a fresh column. */
    static ColumnData decode(FieldType type, BytePointer buf, int n, long stride, long offset) {
        switch (type.kind()) {
            case INT: {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = buf.getLong(i * stride + offset);
                }
                return new ColumnData.Longs(v);
            }
            case FLOAT: {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = buf.getDouble(i * stride + offset);
                }
                return new ColumnData.Doubles(v);
            }
            case BOOL: {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = buf.get(i * stride + offset) != 0;
                }
                return new ColumnData.Booleans(v);
            }
            case STRING: {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    v[i] = getString(buf, i * stride + offset);
                }
                return new ColumnData.Strings(v);
            }
            case COMPLEX: {
                double[] re = new double[n];
                double[] im = new double[n];
                for (int i = 0; i < n; i++) {
                    re[i] = buf.getDouble(i * stride + offset);
                    im[i] = buf.getDouble(i * stride + offset + 8);
                }
                return new ColumnData.Complexes(re, im);
            }
            default: {
                List<?>[] v = new List<?>[n];
                for (int i = 0; i < n; i++) {
                    v[i] = getList(type.element(), buf, i * stride + offset);
                }
                return new ColumnData.Lists(v);
            }
        }
    }

    /** Decodes one boxed value of the given type at {@code at}. */
    static Object decodeValue(FieldType type, BytePointer buf, long at) {
        return switch (type.kind()) {
            case INT -> buf.getLong(at);
            case FLOAT -> buf.getDouble(at);
            case BOOL -> buf.get(at) != 0;
            case STRING -> getString(buf, at);
            case COMPLEX -> new Complex(buf.getDouble(at), buf.getDouble(at + 8));
            case VLEN -> getList(type.element(), buf, at);
        };
    }

    static String getString(BytePointer buf, long at) {
        Pointer p = buf.getPointerValue(at);
        if (p == null || p.isNull()) {
            return "";
        }
        return new String(new BytePointer(p).getStringBytes(), StandardCharsets.UTF_8);
    }

    private static List<Object> getList(FieldType element, BytePointer buf, long at) {
        long n = buf.getLong(at);
        Pointer p = buf.getPointerValue(at + 8);
        if (n == 0 || p == null || p.isNull()) {
            return new ArrayList<>(0);
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalStateException("variable-length sequence too long: " + n);
        }
        long size = element.memorySize();
        BytePointer elems = new BytePointer(p).capacity(n * size);
        List<Object> out = new ArrayList<>((int) n);
        for (long k = 0; k < n; k++) {
            out.add(decodeValue(element, elems, k * size));
        }
        return out;
    }

    private static void checkKind(ColumnData col, FieldType type) {
        if (col.kind() != type.kind()) {
            throw new IllegalArgumentException("cannot write " + col.kind() + " values to a field of type " + type);
        }
    }

    private static Object require(Object v, Class<?> cls, FieldType type) {
        if (!cls.isInstance(v)) {
            throw new IllegalArgumentException("list element " + v + " does not fit element type " + type
                    + " (expected " + cls.getSimpleName() + ")");
        }
        return v;
    }
}
