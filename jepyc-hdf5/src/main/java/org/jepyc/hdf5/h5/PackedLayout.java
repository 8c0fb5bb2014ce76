package org.jepyc.hdf5.h5;

import static org.bytedeco.hdf5.global.hdf5.H5T_COMPOUND;
import static org.bytedeco.hdf5.global.hdf5.H5Tcreate;
import static org.bytedeco.hdf5.global.hdf5.H5Tinsert;

import java.util.List;

/**
 * The in-memory layout of a subset of a table's fields: one row holds each field's memory type at
 * an 8-byte aligned offset. HDF5 matches compound members by name, so a memory compound that
 * names only some fields reads or writes just those columns. Closing it closes the memory type.
 */
final class PackedLayout implements AutoCloseable {

    final List<Field> fields;
    final long[] offsets;
    final long stride;
    final boolean hasVariableLength;
    private final H5Id memType;

    /** Builds the memory compound type; call while holding {@link H5Library#LOCK}. */
    PackedLayout(List<Field> fields) {
        this.fields = List.copyOf(fields);
        this.offsets = new long[fields.size()];
        long at = 0;
        boolean vl = false;
        for (int k = 0; k < fields.size(); k++) {
            offsets[k] = at;
            at += align8(fields.get(k).type().memorySize());
            FieldType.Kind kind = fields.get(k).type().kind();
            vl |= kind == FieldType.Kind.STRING || kind == FieldType.Kind.VLEN;
        }
        this.stride = Math.max(at, 8);
        this.hasVariableLength = vl;
        try (H5Id t = H5Id.type(H5Tcreate(H5T_COMPOUND, stride), "H5Tcreate")) {
            for (int k = 0; k < fields.size(); k++) {
                try (H5Id mt = fields.get(k).type().createMemoryType();
                     CString name = NativeCodec.utf8(fields.get(k).name())) {
                    H5Errors.check(H5Tinsert(t.get(), name, offsets[k], mt.get()), "H5Tinsert");
                }
            }
            this.memType = t.release();
        }
    }

    /** The memory compound type's id. */
    long memType() {
        return memType.get();
    }

    private static long align8(long n) {
        return (n + 7) & ~7L;
    }

    @Override
    public void close() {
        memType.close();
    }
}
