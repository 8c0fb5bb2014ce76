package org.jepyc.hdf5.h5;

import static hdf.hdf5lib.HDF5Constants.*;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.util.Objects;

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
    public long createFileType() {
        H5Library.ensureLoaded();
        synchronized (H5Library.LOCK) {
            return switch (kind) {
                case INT -> H5.H5Tcopy(integerFileType());
                case FLOAT -> H5.H5Tcopy(bits == 32 ? H5T_IEEE_F32LE : H5T_IEEE_F64LE);
                case BOOL -> boolEnum(H5T_STD_I8LE);
                case STRING -> utf8String();
                case COMPLEX -> complexCompound(H5T_IEEE_F64LE);
                case VLEN -> vlenOf(element.createFileType());
            };
        }
    }

    /** Builds the HDF5 memory type, {@link #memorySize()} bytes wide (the caller closes it). */
    public long createMemoryType() {
        H5Library.ensureLoaded();
        synchronized (H5Library.LOCK) {
            return switch (kind) {
                case INT -> H5.H5Tcopy(H5T_NATIVE_INT64);
                case FLOAT -> H5.H5Tcopy(H5T_NATIVE_DOUBLE);
                case BOOL -> boolEnum(H5T_NATIVE_INT8);
                case STRING -> utf8String();
                case COMPLEX -> complexCompound(H5T_NATIVE_DOUBLE);
                case VLEN -> vlenOf(element.createMemoryType());
            };
        }
    }

    /**
     * Recognises a field type from a file's type id.
     *
     * @throws HDF5Exception (unchecked) if the type is not one epyc's mapping produces
     */
    public static FieldType fromTypeId(long tid) {
        H5Library.ensureLoaded();
        synchronized (H5Library.LOCK) {
            int cls = H5.H5Tget_class(tid);
            int size = (int) H5.H5Tget_size(tid);
            if (cls == H5T_INTEGER) {
                return integer(size * 8, H5.H5Tget_sign(tid) != H5T_SGN_NONE);
            } else if (cls == H5T_FLOAT && (size == 4 || size == 8)) {
                return floating(size * 8);
            } else if (cls == H5T_ENUM && isBoolEnum(tid)) {
                return BOOL;
            } else if (cls == H5T_STRING && H5.H5Tis_variable_str(tid)) {
                return STRING;
            } else if (cls == H5T_COMPOUND && isComplex(tid)) {
                return COMPLEX;
            } else if (cls == H5T_VLEN) {
                long sup = H5.H5Tget_super(tid);
                try {
                    return vlen(fromTypeId(sup));
                } finally {
                    H5.H5Tclose(sup);
                }
            }
            throw new HDF5Exception("unsupported HDF5 field type " + H5.H5Tget_class_name(cls)
                    + " of " + size + " bytes (not one of epyc's types)");
        }
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
            case 8 -> signed ? H5T_STD_I8LE : H5T_STD_U8LE;
            case 16 -> signed ? H5T_STD_I16LE : H5T_STD_U16LE;
            case 32 -> signed ? H5T_STD_I32LE : H5T_STD_U32LE;
            default -> signed ? H5T_STD_I64LE : H5T_STD_U64LE;
        };
    }

    private static long boolEnum(long base) {
        long t = H5.H5Tenum_create(base);
        H5.H5Tenum_insert(t, "FALSE", new byte[] {0});
        H5.H5Tenum_insert(t, "TRUE", new byte[] {1});
        return t;
    }

    private static long utf8String() {
        long t = H5.H5Tcopy(H5T_C_S1);
        H5.H5Tset_size(t, H5T_VARIABLE);
        H5.H5Tset_cset(t, H5T_CSET_UTF8);
        H5.H5Tset_strpad(t, H5T_STR_NULLTERM);
        return t;
    }

    private static long complexCompound(long part) {
        long t = H5.H5Tcreate(H5T_COMPOUND, 16);
        H5.H5Tinsert(t, "r", 0, part);
        H5.H5Tinsert(t, "i", 8, part);
        return t;
    }

    private static long vlenOf(long elementType) {
        try {
            return H5.H5Tvlen_create(elementType);
        } finally {
            H5.H5Tclose(elementType);
        }
    }

    private static boolean isBoolEnum(long tid) {
        if (H5.H5Tget_size(tid) != 1 || H5.H5Tget_nmembers(tid) != 2) {
            return false;
        }
        byte[] v0 = new byte[1];
        byte[] v1 = new byte[1];
        H5.H5Tget_member_value(tid, 0, v0);
        H5.H5Tget_member_value(tid, 1, v1);
        return "FALSE".equals(H5.H5Tget_member_name(tid, 0)) && v0[0] == 0
                && "TRUE".equals(H5.H5Tget_member_name(tid, 1)) && v1[0] == 1;
    }

    private static boolean isComplex(long tid) {
        if (H5.H5Tget_nmembers(tid) != 2
                || !"r".equals(H5.H5Tget_member_name(tid, 0)) || !"i".equals(H5.H5Tget_member_name(tid, 1))) {
            return false;
        }
        for (int m = 0; m < 2; m++) {
            long mt = H5.H5Tget_member_type(tid, m);
            try {
                if (H5.H5Tget_class(mt) != H5T_FLOAT || H5.H5Tget_size(mt) != 8) {
                    return false;
                }
            } finally {
                H5.H5Tclose(mt);
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
