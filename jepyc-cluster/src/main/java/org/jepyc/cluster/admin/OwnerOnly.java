package org.jepyc.cluster.admin;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only their owner may read: a cluster's logs name its members and its pid files its
 * processes, and anyone who learns the cluster's name can join its maps. Where the file system
 * has no POSIX permissions, files are made as usual.
 */
public final class OwnerOnly {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() { }

    /**
     * @param dir a directory, made (with its missing parents) readable by its owner only
     * @return it
     * @throws IOException if it cannot be made
     */
    public static Path createDirectories(Path dir) throws IOException {
        if (POSIX) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } else {
            Files.createDirectories(dir);
        }
        return dir;
    }

    /**
     * @param file a file, created empty if missing, and made readable and writable by its owner only
     * @return it
     * @throws IOException if it cannot be made
     */
    public static Path createFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            if (POSIX) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        }
        if (POSIX) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }

    /**
     * Writes a small file whole, readable by its owner only, through a temporary file renamed over it.
     *
     * @param file where
     * @param text what
     * @throws IOException if it cannot be written
     */
    public static void write(Path file, String text) throws IOException {
        Path tmp = createFile(file.resolveSibling("." + file.getFileName() + ".tmp"));
        Files.writeString(tmp, text);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
