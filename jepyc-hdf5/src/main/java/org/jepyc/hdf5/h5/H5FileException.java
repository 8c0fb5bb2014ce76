package org.jepyc.hdf5.h5;

import java.nio.file.Path;

/**
 * An operation on an HDF5 file failed, reading or writing; the message names the file, the
 * operation and the reason (for a failed native call, the call and HDF5's own error stack).
 */
public class H5FileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** @param file the file concerned (may be null when no file is involved) */
    public H5FileException(Path file, String message, Throwable cause) {
        super((file == null ? "" : file + ": ") + message, cause);
        this.file = file;
    }

    /** @param file the file concerned (may be null when no file is involved) */
    public H5FileException(Path file, String message) {
        this(file, message, null);
    }

    /** The file the failed operation was on, or null. */
    public Path file() {
        return file;
    }
}
