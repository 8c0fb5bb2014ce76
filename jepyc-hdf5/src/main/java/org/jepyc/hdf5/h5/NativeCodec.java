package org.jepyc.hdf5.h5;

import java.nio.ByteBuffer;
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
 * the UTF-8 ourselves, names and paths passed to HDF5 included ({@link CString}): JNI's "modified
 * UTF-8" mangles characters outside the BMP, and JavaCPP encodes a Java string argument in the
 * platform's default charset.
 */
final class NativeCodec {

    private NativeCodec() {}

    static {
        // pointers are written into row buffers as 64-bit addresses
        if (!"64".equals(System.getProperty("sun.arch.data.model"))) {
            throw new ExceptionInInitializerError("jepyc's HDF5 layer needs a 64-bit platform");
        }
    }

    /**
     * Writes rows {@code [from, to)} of {@code col} into {@code buf} (a native buffer in native
     * byte order). Strings and sequences go into {@code arena}, which must outlive HDF5's use of
     * the buffer.
     *
     * <p>In a string column, an empty string is written as a NULL {@code char*}: HDF5 then stores
     * no global-heap object for it (a nil reference), and every reader we know (HDF5's C library,
     * h5py, h5dump) reads it back as an empty string. A row equal to the row before it points at
     * the same native copy (class names repeat on every row).
     */
    static void encode(ColumnData col, FieldType type, int from, int to, ByteBuffer buf, int stride,
            int offset, Arena arena) {
        checkKind(col, type);
        if (col instanceof ColumnData.Strings s) {
            String[] values = s.values();
            String prev = null;
            long prevAddress = 0;
            for (int i = from; i < to; i++) {
                String v = values[i];
                long address;
                if (v == null || v.isEmpty()) {
                    address = 0;
                } else if (v.equals(prev)) {
                    address = prevAddress;
                } else {
                    address = putString(v, arena);
                    prev = v;
                    prevAddress = address;
                }
                buf.putLong((i - from) * stride + offset, address);
            }
            return;
        }
        for (int i = from; i < to; i++) {
            int at = (i - from) * stride + offset;
            if (col instanceof ColumnData.Longs l) {
                buf.putLong(at, l.values()[i]);
            } else if (col instanceof ColumnData.Doubles d) {
                buf.putDouble(at, d.values()[i]);
            } else if (col instanceof ColumnData.Booleans b) {
                buf.put(at, (byte) (b.values()[i] ? 1 : 0));
            } else if (col instanceof ColumnData.Complexes c) {
                buf.putDouble(at, c.re()[i]);
                buf.putDouble(at + 8, c.im()[i]);
            } else if (col instanceof ColumnData.Lists ls) {
                putList(ls.values()[i], type.element(), buf, at, arena);
            }
        }
    }

    /** Encodes one boxed value (a list element, an attribute's string) of the given type at {@code at}. */
    static void encodeValue(Object v, FieldType type, ByteBuffer buf, int at, Arena arena) {
        switch (type.kind()) {
            case INT -> buf.putLong(at, ((Number) require(v, Number.class, type)).longValue());
            case FLOAT -> buf.putDouble(at, ((Number) require(v, Number.class, type)).doubleValue());
            case BOOL -> buf.put(at, (byte) (((Boolean) require(v, Boolean.class, type)) ? 1 : 0));
            case STRING -> buf.putLong(at, putString((String) require(v, String.class, type), arena));
            case COMPLEX -> {
                ComplexPair c = (ComplexPair) require(v, ComplexPair.class, type);
                buf.putDouble(at, c.re());
                buf.putDouble(at + 8, c.im());
            }
            case VLEN -> putList((List<?>) require(v, List.class, type), type.element(), buf, at, arena);
        }
    }

    /** Copies {@code s} as NUL-terminated UTF-8 into the arena; returns its address. */
    private static long putString(String s, Arena arena) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        for (byte b : utf8) {
            if (b == 0) {
                throw new IllegalArgumentException("string contains a NUL character, which HDF5's "
                        + "null-terminated strings cannot hold: " + s);
            }
        }
        int at = arena.reserve(utf8.length + 1L);
        ByteBuffer block = arena.buffer();
        block.put(at, utf8, 0, utf8.length);
        block.put(at + utf8.length, (byte) 0);
        return arena.address(at);
    }

    /** Writes an {@code hvl_t {size_t len; void *p}} at {@code at}, its elements in the arena. */
    private static void putList(List<?> list, FieldType element, ByteBuffer buf, int at, Arena arena) {
        int n = list == null ? 0 : list.size();
        buf.putLong(at, n);
        if (n == 0) {
            buf.putLong(at + 8, 0);
            return;
        }
        int size = element.memorySize();
        int base = arena.reserve((long) n * size);
        ByteBuffer elements = arena.buffer();   // held: encoding a string element may start a new block
        long address = arena.address(base);
        for (int k = 0; k < n; k++) {
            encodeValue(list.get(k), element, elements, base + k * size, arena);
        }
        buf.putLong(at + 8, address);
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
            case COMPLEX -> new ComplexPair(buf.getDouble(at), buf.getDouble(at + 8));
            case VLEN -> getList(type.element(), buf, at);
        };
    }

    static String getString(BytePointer buf, long at) {
        return getString(buf.getPointerValue(at));
    }

    /** The NUL-terminated UTF-8 string at {@code p}; "" for NULL. */
    static String getString(Pointer p) {
        if (p == null || p.isNull()) {
            return "";
        }
        return new String(new BytePointer(p).getStringBytes(), StandardCharsets.UTF_8);
    }

    /**
     * {@code s} as a NUL-terminated UTF-8 string in native memory, for passing a name or path
     * to HDF5 (the caller closes it). Names are never passed as Java strings: JavaCPP would
     * encode them in the platform's default charset, which need not be UTF-8.
     */
    static CString utf8(String s) {
        return CString.of(s);
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
