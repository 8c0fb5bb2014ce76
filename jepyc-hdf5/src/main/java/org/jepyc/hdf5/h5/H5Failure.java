package org.jepyc.hdf5.h5;

/**
 * A failed HDF5 call, or a file that is not what this package expects, inside this package. It
 * never leaves the package: {@link H5File} wraps it in an {@link H5FileException} naming the
 * file and the operation.
 */
final class H5Failure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    H5Failure(String message) {
        super(message);
    }
}
