package org.jepyc.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writing process per notebook file, whatever path names it: a second process writing the
 * same file (a second campaign, a {@code jepyc remove} while a run goes on) would silently
 * overwrite the first one's commits, so it is refused instead. Readers take no lock. Within one
 * process a second notebook object on the same file is allowed, as epyc allows it (its tests
 * reload a notebook while the first object is still open): the program owns both.
 *
 * <p>The lock is keyed on the file itself, not on the path as given. Symbolic links and
 * {@code ..} are resolved to the real path, and a hidden lock file beside the real file is locked.
 * Hard links share no path, only the file's identity (device and inode), so a second lock file,
 * named by that identity in a directory every process on the machine shares, is locked too. A
 * commit that renames a new file into place gives the notebook a new identity: the lock moves
 * to it, and the old identity is let go, since the system may give its number to another file
 * (a hard link to the old file names an old copy, no longer the notebook).
 *
 * <p>A writer killed outright leaves its lock files behind, but not its locks: the next writer
 * of the same file takes them over, and {@link #reclaimStale} deletes those of files no one
 * opens again.
 */
public final class WriterLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriterLock.class);
    private static final Path KEY_DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "jepyc-locks");
    private static final java.util.concurrent.atomic.AtomicBoolean SWEPT = new java.util.concurrent.atomic.AtomicBoolean();

    private final Path notebook;
    private final Path real;
    private final LockFile beside;
    private Object currentKey;
    private LockFile current;

    private WriterLock(Path notebook, Path real, LockFile beside, Object key, LockFile current) {
        this.notebook = notebook;
        this.real = real;
        this.beside = beside;
        this.currentKey = key;
        this.current = current;
    }

    /**
     * @param notebook the notebook file as the user named it (it need not exist yet)
     * @return the lock, or null where no lock file can be made (a read-only directory: then the
     *         notebook cannot be written there anyway)
     * @throws StorageException if another process has the same file open for writing, through
     *                           this path or any other; the message names the holder
     */
    public static WriterLock acquire(Path notebook) {
        Path real = realPath(notebook);
        Path besidePath = real.resolveSibling("." + real.getFileName() + ".lock");
        Optional<LockFile.Attempt> first = LockFile.tryAcquire(besidePath, real.toString());
        if (first.isEmpty()) {
            return null;
        }
        LockFile beside = held(first.get(), notebook, real);
        Object key = fileKey(real);
        LockFile byKey = null;
        if (key != null) {
            try {
                byKey = lockKey(key, notebook, real).orElse(null);
            } catch (RuntimeException e) {
                beside.release();
                throw e;
            }
        }
        return new WriterLock(notebook, real, beside, key, byKey);
    }

    /**
     * Follows the file after it was created or replaced (a commit that renames a new file over
     * the old one): locks its new identity, so that a hard link made to it from now on is refused
     * too. Called after every commit; cheap when nothing changed.
     */
    public void follow() {
        Object key = fileKey(real);
        if (key == null || key.equals(currentKey)) {
            return;
        }
        LockFile next;
        try {
            next = lockKey(key, notebook, real).orElse(null);
        } catch (StorageException e) {
            // the commit is done; only a hard link made and opened in the last instant can hold it
            LOG.warn("{}", e.getMessage());
            next = null;
        }
        if (current != null) {
            current.release();
        }
        current = next;
        currentKey = key;
    }

    /**
     * Deletes the lock files in the shared directory that no process holds any more: each
     * writer killed outright (kill -9, a crash) leaves one there, named by a file identity that
     * may never be opened again. The first writer lock a process takes does this once.
     *
     * @return the number of stale lock files deleted
     */
    public static int reclaimStale() {
        int n = LockFile.reclaimStale(KEY_DIRECTORY);
        if (n > 0) {
            LOG.debug("Removed {} stale lock files from {}", n, KEY_DIRECTORY);
        }
        return n;
    }

    /** @return the shared directory of lock files keyed by file identity */
    public static Path keyDirectory() {
        return KEY_DIRECTORY;
    }

    /** @return the real path of the notebook: symbolic links and {@code ..} resolved, existing or not */
    static Path realPath(Path notebook) {
        Path abs = notebook.toAbsolutePath().normalize();
        try {
            return notebook.toRealPath();
        } catch (IOException missing) {
            Path parent = notebook.toAbsolutePath().getParent();
            try {
                return parent == null ? abs : parent.toRealPath().resolve(abs.getFileName());
            } catch (IOException noParent) {
                return abs;
            }
        }
    }

    private static Object fileKey(Path real) {
        try {
            return Files.readAttributes(real, BasicFileAttributes.class).fileKey();
        } catch (IOException missing) {
            return null;
        }
    }

    private static Optional<LockFile> lockKey(Object key, Path notebook, Path real) {
        try {
            Files.createDirectories(KEY_DIRECTORY);
        } catch (IOException e) {
            LOG.debug("No directory {} for lock files: {}", KEY_DIRECTORY, e.toString());
            return Optional.empty();
        }
        if (SWEPT.compareAndSet(false, true)) {
            reclaimStale();
        }
        String name = key.toString().replaceAll("[^A-Za-z0-9=]", "_") + ".lock";
        return LockFile.tryAcquire(KEY_DIRECTORY.resolve(name), real.toString()).map(a -> held(a, notebook, real));
    }

    private static LockFile held(LockFile.Attempt attempt, Path notebook, Path real) {
        if (attempt.held()) {
            return attempt.lock();
        }
        String holder = attempt.holder().isEmpty() ? "" : " (" + attempt.holder() + ")";
        String same = real.equals(notebook.toAbsolutePath()) ? "" : " (the file " + real + ")";
        throw new StorageException("Notebook " + notebook + same + " is open for writing in another process" + holder
                + ": close it there first, or open this one read-only");
    }

    /** Releases the locks and removes their files. */
    @Override
    public void close() {
        if (current != null) {
            current.release();
            current = null;
        }
        beside.release();
    }
}
