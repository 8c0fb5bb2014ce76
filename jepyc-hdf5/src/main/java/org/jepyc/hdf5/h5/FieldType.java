package org.jepyc.hdf5.h5;

import static org.bytedeco.hdf5.global.hdf5.*;

import java.util.Objects;
import org.bytedeco.javacpp.BytePointer;

/**
 * The HDF5 type of one compound field, restricted to the types epyc 1.7.2 (through h5py) writes:
 * integers, floats, h5py's bool enum, variable-length UTF-8 strings, h5py's complex compound, and
 * variable-length sequences of any of these.
 *
 * <p>Each kind has a <em>file</em> type (exactly what epyc 1.7.2 writes, so that epyc and h5py read it) and a fixed
 * <em>memory</em> type that jepyc reads and writes through: all integers as native int64, all
 * floats as native double, so HDF5 does any widening or narrowing itself.
 *
 * @param kind    what the field holds
 * @param bits    width of an INT or FLOAT field in the file (8..64), 0 otherwise
 * @param signed  whether an INT field is signed (false for other kinds)
 * @param element the element type of a VLEN field, null otherwise
 */
public record FieldType(Kind kind, int bits, boolean signed, FieldType element) {

    /** The kinds of field value. */
    public enum Kind { INT, FLOAT, BOOL, STRING, COMPLEX, VLEN }

    /** h5py's int64, epyc's type for Python ints. */
    public static final FieldType INT64 = new FieldType(Kind.INT, 64, true, null);
    /** float64, epyc's type for Python floats. */
    public static final FieldType FLOAT64 = new FieldType(Kind.FLOAT, 64, false, null);
    /** h5py's enum {FALSE=0, TRUE=1} over int8. */
    public static final FieldType BOOL = new FieldType(Kind.BOOL, 0, false, null);
    /** Variable-length, null-terminated UTF-8 string. */
    public static final FieldType STRING = new FieldType(Kind.STRING, 0, false, null);
    /** h5py's complex128: compound {float64 r; float64 i}. */
    public static final FieldType COMPLEX = new FieldType(Kind.COMPLEX, 0, false, null);

    /** Validates the combination of components. */
    public FieldType {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case INT -> require(bits == 8 || bits == 16 || bits == 32 || bits == 64, "integer width " + bits);
            case FLOAT -> require(bits == 32 || bits == 64, "float width " + bits);
            default -> require(bits == 0, "width given for " + kind);
        }
        require(kind == Kind.INT || !signed, "signedness given for " + kind);
        require((kind == Kind.VLEN) == (element != null), "element type must be given for VLEN only");
    }

    /** An integer field of the given width and signedness. */
    public static FieldType integer(int bits, boolean signed) {
        return new FieldType(Kind.INT, bits, signed, null);
    }

    /** A float field of 32 or 64 bits. */
    public static FieldType floating(int bits) {
        return new FieldType(Kind.FLOAT, bits, false, null);
    }

    /** A variable-length sequence of {@code element}. */
    public static FieldType vlen(FieldType element) {
        return new FieldType(Kind.VLEN, 0, false, Objects.requireNonNull(element, "element"));
    }

    /** Bytes one value of this field occupies in the memory layout used for I/O. */
    public int memorySize() {
        return switch (kind) {
            case INT, FLOAT, STRING -> 8; // int64, double, char*
            case BOOL -> 1;
            case COMPLEX, VLEN -> 16; // {double r, i}, hvl_t {size_t len; void *p}
        };
    }

    /** Builds the HDF5 file type (the caller closes it). */
    H5Id createFileType() {
        H5Library.ensureLoaded();   // before the lock: loading takes H5Library.class, then the lock
        synchronized (H5Library.LOCK) {
            return switch (kind) {
                case INT -> copy(integerFileType());
                case FLOAT -> copy(bits == 32 ? Predefined.IEEE_F32LE : Predefined.IEEE_F64LE);
                case BOOL -> boolEnum(Predefined.STD_I8LE);
                case STRING -> utf8String();
                case COMPLEX -> complexCompound(Predefined.IEEE_F64LE);
                case VLEN -> vlenOf(element.createFileType());
            };
        }
    }

    /** Builds the HDF5 memory type, {@link #memorySize()} bytes wide (the caller closes it). */
    H5Id createMemoryType() {
        H5Library.ensureLoaded();   // before the lock: loading takes H5Library.class, then the lock
        synchronized (H5Library.LOCK) {
            return switch (kind) {
                case INT -> copy(Predefined.NATIVE_INT64);
                case FLOAT -> copy(Predefined.NATIVE_DOUBLE);
                case BOOL -> boolEnum(Predefined.NATIVE_INT8);
                case STRING -> utf8String();
                case COMPLEX -> complexCompound(Predefined.NATIVE_DOUBLE);
                case VLEN -> vlenOf(element.createMemoryType());
            };
        }
    }

    /**
     * Recognises a field type from a file's type id.
     *
     * @throws H5Failure if the type is not one epyc's mapping produces, or HDF5 cannot describe it
     */
    static FieldType fromTypeId(long tid) {
        H5Library.ensureLoaded();   // before the lock: loading takes H5Library.class, then the lock
        synchronized (H5Library.LOCK) {
            int cls = typeClass(tid);
            long size = size(tid);
            if (cls == H5T_INTEGER) {
                return integer((int) size * 8, H5Errors.check(H5Tget_sign(tid), "H5Tget_sign") != H5T_SGN_NONE);
            } else if (cls == H5T_FLOAT && (size == 4 || size == 8)) {
                return floating((int) size * 8);
            } else if (cls == H5T_ENUM && isBoolEnum(tid)) {
                return BOOL;
            } else if (cls == H5T_STRING && H5Errors.isTrue(H5Tis_variable_str(tid), "H5Tis_variable_str")) {
                return STRING;
            } else if (cls == H5T_COMPOUND && isComplex(tid)) {
                return COMPLEX;
            } else if (cls == H5T_VLEN) {
                try (H5Id sup = H5Id.type(H5Tget_super(tid), "H5Tget_super")) {
                    return vlen(fromTypeId(sup.get()));
                }
            }
            throw new H5Failure("unsupported HDF5 field type " + className(cls) + " of " + size
                    + " bytes (not one of epyc's types)");
        }
    }

    /** The class of type {@code tid} ({@code H5T_INTEGER}, ...). */
    static int typeClass(long tid) {
        return H5Errors.check(H5Tget_class(tid), "H5Tget_class");
    }

    /** The size in bytes of one value of type {@code tid}. */
    static long size(long tid) {
        long size = H5Tget_size(tid);
        if (size == 0) {    // no type is empty: zero is how H5Tget_size fails
            throw H5Errors.failure("H5Tget_size");
        }
        return size;
    }

    /** The name of member {@code k} of compound or enum type {@code tid}. */
    static String memberName(long tid, int k) {
        BytePointer name = H5Tget_member_name(tid, k);
        if (name == null || name.isNull()) {
            throw H5Errors.failure("H5Tget_member_name");
        }
        try {
            return NativeCodec.getString(name);
        } finally {
            H5free_memory(name);   // HDF5 allocated the copy: it must free it, whatever happens above
        }
    }

    /** The name HDF5's tools give a type class, e.g. {@code H5T_INTEGER}. */
    static String className(int cls) {
        return switch (cls) {
            case H5T_INTEGER -> "H5T_INTEGER";
            case H5T_FLOAT -> "H5T_FLOAT";
            case H5T_TIME -> "H5T_TIME";
            case H5T_STRING -> "H5T_STRING";
            case H5T_BITFIELD -> "H5T_BITFIELD";
            case H5T_OPAQUE -> "H5T_OPAQUE";
            case H5T_COMPOUND -> "H5T_COMPOUND";
            case H5T_REFERENCE -> "H5T_REFERENCE";
            case H5T_ENUM -> "H5T_ENUM";
            case H5T_VLEN -> "H5T_VLEN";
            case H5T_ARRAY -> "H5T_ARRAY";
            default -> "class " + cls;
        };
    }

    /** h5dump's notation, handy in messages and tests. */
    @Override
    public String toString() {
        return switch (kind) {
            case INT -> "H5T_STD_" + (signed ? "I" : "U") + bits + "LE";
            case FLOAT -> "H5T_IEEE_F" + bits + "LE";
            case BOOL -> "H5T_ENUM{H5T_STD_I8LE; FALSE 0; TRUE 1}";
            case STRING -> "H5T_STRING{H5T_VARIABLE; UTF8}";
            case COMPLEX -> "H5T_COMPOUND{H5T_IEEE_F64LE r; H5T_IEEE_F64LE i}";
            case VLEN -> "H5T_VLEN{" + element + "}";
        };
    }

    private long integerFileType() {
        return switch (bits) {
            case 8 -> signed ? Predefined.STD_I8LE : Predefined.STD_U8LE;
            case 16 -> signed ? Predefined.STD_I16LE : Predefined.STD_U16LE;
            case 32 -> signed ? Predefined.STD_I32LE : Predefined.STD_U32LE;
            default -> signed ? Predefined.STD_I64LE : Predefined.STD_U64LE;
        };
    }

    private static H5Id copy(long predefined) {
        return H5Id.type(H5Tcopy(predefined), "H5Tcopy");
    }

    private static H5Id boolEnum(long base) {
        try (H5Id t = H5Id.type(H5Tenum_create(base), "H5Tenum_create"); BytePointer value = new BytePointer(1)) {
            H5Errors.check(H5Tenum_insert(t.get(), "FALSE", value.put(0, (byte) 0)), "H5Tenum_insert");
            H5Errors.check(H5Tenum_insert(t.get(), "TRUE", value.put(0, (byte) 1)), "H5Tenum_insert");
            return t.release();
        }
    }

    private static H5Id utf8String() {
        try (H5Id t = copy(Predefined.C_S1)) {
            H5Errors.check(H5Tset_size(t.get(), H5T_VARIABLE), "H5Tset_size");
            H5Errors.check(H5Tset_cset(t.get(), H5T_CSET_UTF8), "H5Tset_cset");
            H5Errors.check(H5Tset_strpad(t.get(), H5T_STR_NULLTERM), "H5Tset_strpad");
            return t.release();
        }
    }

    private static H5Id complexCompound(long part) {
        try (H5Id t = H5Id.type(H5Tcreate(H5T_COMPOUND, 16), "H5Tcreate")) {
            H5Errors.check(H5Tinsert(t.get(), "r", 0, part), "H5Tinsert");
            H5Errors.check(H5Tinsert(t.get(), "i", 8, part), "H5Tinsert");
            return t.release();
        }
    }

    private static H5Id vlenOf(H5Id elementType) {
        try (H5Id e = elementType) {
            return H5Id.type(H5Tvlen_create(e.get()), "H5Tvlen_create");
        }
    }

    private static boolean isBoolEnum(long tid) {
        if (size(tid) != 1 || H5Errors.check(H5Tget_nmembers(tid), "H5Tget_nmembers") != 2) {
            return false;
        }
        try (BytePointer v0 = new BytePointer(1); BytePointer v1 = new BytePointer(1)) {
            H5Errors.check(H5Tget_member_value(tid, 0, v0), "H5Tget_member_value");
            H5Errors.check(H5Tget_member_value(tid, 1, v1), "H5Tget_member_value");
            return "FALSE".equals(memberName(tid, 0)) && v0.get(0) == 0
                    && "TRUE".equals(memberName(tid, 1)) && v1.get(0) == 1;
        }
    }

    private static boolean isComplex(long tid) {
        if (H5Errors.check(H5Tget_nmembers(tid), "H5Tget_nmembers") != 2
                || !"r".equals(memberName(tid, 0)) || !"i".equals(memberName(tid, 1))) {
            return false;
        }
        for (int m = 0; m < 2; m++) {
            try (H5Id mt = H5Id.type(H5Tget_member_type(tid, m), "H5Tget_member_type")) {
                if (typeClass(mt.get()) != H5T_FLOAT || size(mt.get()) != 8) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("invalid field type: " + what);
        }
    }
}
