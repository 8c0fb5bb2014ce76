package org.jepyc.hdf5.h5;

import org.bytedeco.hdf5.global.hdf5;

/**
 * HDF5's predefined datatypes and property-list classes, as the library's 64-bit ids.
 *
 * <p>The binding's {@code int} constants of the same names ({@code hdf5.H5T_NATIVE_INT64}, ...)
 * cannot hold an id: ids carry their type in the top bits of 64, so those are truncated. The
 * library's global variables ({@code ..._g()}) hold the real ids once it is initialised, which
 * loading it does. The plain integer constants (flags, classes, {@code H5P_DEFAULT}) are fine.
 */
final class Predefined {

    static {
        H5Library.ensureLoaded();
    }

    static final long NATIVE_INT8 = hdf5.H5T_NATIVE_INT8_g();
    static final long NATIVE_INT64 = hdf5.H5T_NATIVE_INT64_g();
    static final long NATIVE_DOUBLE = hdf5.H5T_NATIVE_DOUBLE_g();
    static final long STD_I8LE = hdf5.H5T_STD_I8LE_g();
    static final long STD_I16LE = hdf5.H5T_STD_I16LE_g();
    static final long STD_I32LE = hdf5.H5T_STD_I32LE_g();
    static final long STD_I64LE = hdf5.H5T_STD_I64LE_g();
    static final long STD_U8LE = hdf5.H5T_STD_U8LE_g();
    static final long STD_U16LE = hdf5.H5T_STD_U16LE_g();
    static final long STD_U32LE = hdf5.H5T_STD_U32LE_g();
    static final long STD_U64LE = hdf5.H5T_STD_U64LE_g();
    static final long IEEE_F32LE = hdf5.H5T_IEEE_F32LE_g();
    static final long IEEE_F64LE = hdf5.H5T_IEEE_F64LE_g();
    static final long C_S1 = hdf5.H5T_C_S1_g();

    static final long FILE_CREATE = hdf5.H5P_CLS_FILE_CREATE_ID_g();
    static final long GROUP_CREATE = hdf5.H5P_CLS_GROUP_CREATE_ID_g();
    static final long DATASET_CREATE = hdf5.H5P_CLS_DATASET_CREATE_ID_g();

    private Predefined() {}
}
