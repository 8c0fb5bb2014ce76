package org.jepyc.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

/** Whether a notebook file may be written, as its owner meant it. */
public final class FilePermissions {

    private FilePermissions() { }

    /**
     * A file is writable if the process may write it and its owner-write bit is set: root may
     * write anything, but a notebook someone made read-only (as the shared fixtures are) is
     * opened read-only rather than silently rewritten.
     *
     * @param p a file
     * @return true if a notebook there may be written
     */
    public static boolean isWritable(Path p) {
        if (!Files.isWritable(p)) {
            return false;
        }
        try {
            return Files.getPosixFilePermissions(p).contains(PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return true;    // no POSIX permissions here: the access check above is all there is
        }
    }
}
