package org.jepyc.hdf5.h5;

import java.nio.file.Path;

/** An HDF5 operation on a file failed; the message names the file, the operation and HDF5's reason. */
public class Hdf5Exception extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** @param file the file concerned (may be null when no file is involved) */
    public Hdf5Exception(Path file, String message, Throwable cause) {
        super((file == null ? "" : file + ": ") + message, cause);
        this.file = file;
    }

    /** @param file the file concerned (may be null when no file is involved) */
    public Hdf5Exception(Path file, String message) {
        this(file, message, null);
    }

    /** The file the failed operation was on, or null. */
    public Path file() {
        return file;
    }
}
