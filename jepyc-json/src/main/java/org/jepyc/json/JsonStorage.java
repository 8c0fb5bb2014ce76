package org.jepyc.json;


import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.jepyc.NotebookException;
import org.jepyc.NotebookExistsException;
import org.jepyc.NotebookFormatException;
import org.jepyc.storage.Commit;
import org.jepyc.storage.FilePermissions;
import org.jepyc.storage.NotebookStorage;
import org.jepyc.storage.StorageMode;
import org.jepyc.storage.StoredNotebook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A notebook kept in one JSON file in epyc's version-2 layout. Opening never changes the file;
 * every commit writes a complete new file next to it, forces it to disk and renames it over
 * the old one, so a crash or a full disk leaves either the old or the new notebook, whole.
 */
final class JsonStorage implements NotebookStorage {
    private static final Logger LOG = LoggerFactory.getLogger(JsonStorage.class);
    private static final String TMP_SUFFIX = ".jepyc-tmp";

    private final Path file;
    private final boolean readOnlyRequested;
    private Path target;          // the real file written (a symlink is followed, not replaced)
    private boolean readOnly;

    /**
     * @param file     the notebook file
     * @param readOnly true to never write it
     */
    JsonStorage(Path file, boolean readOnly) {
        this.file = file;
        this.target = file.toAbsolutePath();
        this.readOnlyRequested = readOnly;
        this.readOnly = readOnly;
    }

    @Override
    public String name() { return file.toString(); }

    /** @return the notebook file */
    @Override
    public Path file() { return file; }

    @Override
    public boolean isReadOnly() { return readOnly; }

    @Override
    public Opened open(StorageMode mode) {
        if (Files.isDirectory(file)) {
            throw new NotebookFormatException("Notebook " + file + " is a directory, not a JSON notebook file");
        }
        boolean exists = Files.exists(file);
        if (!exists && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotebookException("Notebook " + file + " is a symbolic link to a missing file");
        }
        long size = 0;
        if (exists) {
            try {
                target = file.toRealPath();
                if (!Files.isRegularFile(target)) {
                    throw new NotebookFormatException("Notebook " + file + " is not a regular file");
                }
                size = Files.size(target);
            } catch (IOException e) {
                throw new NotebookException("Cannot open notebook " + file + ": " + e, e);
            }
        }
        if (readOnlyRequested) {
            if (!exists) {
                throw new NotebookException("Notebook " + file + " does not exist (opened read-only, nothing was created)");
            }
            checkReadable();
            return size > 0 ? Opened.STORED : Opened.NOTHING_STORED;
        }
        switch (mode) {
            case CREATE_NEW:
                if (size > 0) {
                    throw new NotebookExistsException("Notebook " + file + " already exists and is not empty (" + size
                            + " bytes); refusing to replace it: open it (create=false, OpenMode.OPEN_OR_CREATE) "
                            + "or ask for OpenMode.OVERWRITE to replace it");
                }
                checkWritable(exists, mode);
                return Opened.NOTHING_STORED;
            case OVERWRITE:
                // the old file stays until the first commit replaces it atomically
                checkWritable(exists, mode);
                return exists ? Opened.REPLACED_AT_FIRST_COMMIT : Opened.NOTHING_STORED;
            default:
                if (!exists) {
                    checkWritable(false, mode);
                    return Opened.NOTHING_STORED;
                }
                checkReadable();
                if (!FilePermissions.isWritable(target)) {
                    LOG.info("Notebook {} is read-only on disk: opened read-only (every change will be refused); "
                            + "make the file writable to add to it", file);
                    readOnly = true;
                } else {
                    removeStaleTemporaries();
                }
                return size > 0 ? Opened.STORED : Opened.NOTHING_STORED;
        }
    }

    private void checkReadable() {
        if (!Files.isReadable(target)) {
            throw new NotebookException("Notebook " + file + " cannot be read (permission denied)");
        }
    }

    /** Permission bits as well as access(2): root may write anything, but a cleared write bit is the user's intent. */
    private void checkWritable(boolean exists, StorageMode mode) {
        if (exists && !FilePermissions.isWritable(target)) {
            throw new NotebookException("Notebook " + file + " is read-only (no write permission), so it cannot be opened "
                    + "with " + mode + ": make it writable, or open it with JsonLabNotebook.openReadOnly");
        }
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            throw new NotebookException("Cannot create notebook " + file + ": directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new NotebookException("Cannot write notebook " + file + ": directory " + dir
                    + " is not writable (commits write a new file there and rename it over the notebook)");
        }
    }

    private Path directory() {
        Path dir = target.getParent();
        return dir != null ? dir : Path.of(".").toAbsolutePath();
    }

    private String tmpPrefix() {
        return "." + target.getFileName() + ".";
    }

    /** Temporary files a killed process left behind: they never hold the committed notebook. */
    private void removeStaleTemporaries() {
        String prefix = tmpPrefix();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory(),
                p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(TMP_SUFFIX))) {
            for (Path p : ds) {
                LOG.info("Removing {}, left by an interrupted commit of {}", p, file);
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.debug("Could not look for stale temporary files of {}", file, e);
        }
    }

    @Override
    public StoredNotebook load() {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(target), 1 << 16)) {
            StoredNotebook stored = JsonNotebookReader.read(file.toString(), in);
            if (stored.locked()) {
                // a finished notebook is final: never written again
                readOnly = true;
            }
            return stored;
        } catch (AccessDeniedException e) {
            throw new NotebookException("Notebook " + file + " cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new NotebookException("Cannot read notebook " + file + ": " + e, e);
        }
    }

    @Override
    public void save(Commit commit) {
        if (readOnly) {
            throw new IllegalStateException("Notebook " + file + " is read-only");
        }
        JsonNotebookWriter.check(file.toString(), commit);
        Path dir = directory();
        Path tmp = dir.resolve(tmpPrefix() + UUID.randomUUID() + TMP_SUFFIX);
        try {
            Files.createFile(tmp);
            // a stream, not a FileChannel: channels refuse to work on an interrupted thread, and the
            // commit that ends an interrupted run must still go through
            try (FileOutputStream file = new FileOutputStream(tmp.toFile())) {
                OutputStream out = new BufferedOutputStream(file, 1 << 16);
                JsonNotebookWriter.write(this.file.toString(), commit, JsonFormat.CREATOR_TEXT, out);
                out.flush();
                file.getFD().sync();   // the bytes are on disk before the rename makes them the notebook
            }
            keepPermissions(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException d) {
                e.addSuppressed(d);
            }
            if (e instanceof NotebookException n) {
                throw n;
            }
            throw new NotebookException("Could not commit notebook " + file + ": " + e
                    + "; the previously committed notebook is unchanged", e);
        }
        syncDirectory(dir);
    }

    private void keepPermissions(Path tmp) {
        try {
            if (Files.exists(target)) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("Could not copy the permissions of {}", file, e);
        }
    }

    /** Makes the rename itself durable; some platforms cannot open a directory, which is harmless there. */
    private void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            LOG.debug("Could not sync directory {}", dir, e);
        }
    }
}
