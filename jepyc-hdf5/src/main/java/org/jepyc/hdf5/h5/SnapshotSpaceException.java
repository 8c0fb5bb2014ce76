package org.jepyc.hdf5.h5;

import java.nio.file.Path;

/**
 * A file too large to read in memory could not be copied to the temporary directory to be read:
 * the file itself is not at fault. The message names the file, the directory and what to do.
 */
public final class SnapshotSpaceException extends H5FileException {

    private static final long serialVersionUID = 1L;

    SnapshotSpaceException(Path file, Path tempDir, long size, String reason, Throwable cause) {
        super(file, "is " + size + " bytes, more than jepyc reads in memory, and cannot be copied to the temporary "
                + "directory " + tempDir + " to be read from there (" + reason + "): make " + size
                + " bytes free there, or start Java with -Djava.io.tmpdir set to a directory with that much room",
                cause);
    }
}
