package org.jepyc.hdf5.h5;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import java.util.List;

/**
 * The in-memory layout of a subset of a table's fields: one row holds each field's memory type at
 * an 8-byte aligned offset. HDF5 matches compound members by name, so a memory compound that
 * names only some fields reads or writes just those columns.
 */
final class PackedLayout implements AutoCloseable {

    final List<Field> fields;
    final long[] offsets;
    final long stride;
    final long memType;
    final boolean hasVariableLength;

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
        long t = H5.H5Tcreate(HDF5Constants.H5T_COMPOUND, stride);
        try {
            for (int k = 0; k < fields.size(); k++) {
                long mt = fields.get(k).type().createMemoryType();
                try {
                    H5.H5Tinsert(t, fields.get(k).name(), offsets[k], mt);
                } finally {
                    H5.H5Tclose(mt);
                }
            }
        } catch (RuntimeException e) {
            H5.H5Tclose(t);
            throw e;
        }
        this.memType = t;
    }

    private static long align8(long n) {
        return (n + 7) & ~7L;
    }

    @Override
    public void close() {
        H5.H5Tclose(memType);
    }
}
