package org.jepyc.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operating-system lock on one small file, held by this process, shared by every holder in
 * it. The file records who holds it, so a refused process can name the holder.
 *
 * <p>Two rules of POSIX locks shape this class. Closing any descriptor of a file releases every
 * lock the process holds on it, so this process opens each lock file once, counts its holders,
 * and never opens it again while holding it. And the last holder deletes the file: a process that
 * opened it just before may then lock a file no longer in the directory, so the holder first
 * marks it released, and whoever locks a file so marked lets it go and opens the path anew.
 *
 * <p>A holder killed outright leaves its file behind, unlocked: a file no process holds a lock
 * on is stale, whatever it records. Locking it again reclaims it, and {@link #reclaimStale}
 * deletes those of a directory.
 */
final class LockFile {
    private static final Logger LOG = LoggerFactory.getLogger(LockFile.class);
    private static final Map<Path, LockFile> HELD = new HashMap<>();
    private static final int ATTEMPTS = 1000;
    private static final String RELEASED = "released\n";

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private int holders = 1;

    private LockFile(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** The result of trying a lock: either held, or refused with what the holder recorded. */
    record Attempt(LockFile lock, String holder) {
        boolean held() {
            return lock != null;
        }
    }

    /**
     * @param path   the lock file (created if missing)
     * @param record what to record as the holder (the notebook as this process names it)
     * @return the lock, a refusal naming the holder, or empty where no lock file can be made there
     */
    static Optional<Attempt> tryAcquire(Path path, String record) {
        boolean interrupted = Thread.interrupted();
        try {
            return tryAcquireUninterrupted(path, record);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A channel's operations fail on an interrupted thread and close it, which would drop the lock;
     * an interrupted run still opens and commits its notebook, so the interrupt waits until here.
     */
    private static Optional<Attempt> tryAcquireUninterrupted(Path path, String record) {
        synchronized (HELD) {
            LockFile mine = HELD.get(path);
            if (mine != null) {
                mine.holders++;
                return Optional.of(new Attempt(mine, null));
            }
            for (int i = 0; i < ATTEMPTS; i++) {
                FileChannel ch;
                try {
                    ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                } catch (IOException e) {
                    LOG.debug("No lock file {}: {}", path, e.toString());
                    return Optional.empty();
                }
                try {
                    FileLock l = ch.tryLock();
                    String recorded = read(ch);
                    if (recorded.equals(RELEASED)) {
                        // its holder is deleting it (or has): this file no longer guards anything
                        if (l != null) {
                            l.release();
                        }
                        ch.close();
                        Thread.onSpinWait();
                        continue;
                    }
                    if (l == null) {
                        ch.close();
                        return Optional.of(new Attempt(null, holder(recorded)));
                    }
                    write(ch, "pid " + ProcessHandle.current().pid() + "\n" + record + "\n");
                    LockFile held = new LockFile(path, ch, l);
                    HELD.put(path, held);
                    return Optional.of(new Attempt(held, null));
                } catch (IOException e) {
                    closeQuietly(ch);
                    LOG.debug("Cannot lock {}: {}", path, e.toString());
                    return Optional.empty();
                }
            }
            LOG.debug("Lock file {} kept being released and replaced; not locked", path);
            return Optional.empty();
        }
    }

    /**
     * Deletes the lock files in a directory that no process holds: those a holder left when it
     * was killed (the system dropped its lock with it, but not the file). A file some process
     * holds, this one included, stays; a file is marked released before it is deleted, so a
     * process that opened it just before locks it, sees the mark, and opens the path anew.
     *
     * @param dir a directory of lock files
     * @return the number of lock files deleted
     */
    static int reclaimStale(Path dir) {
        boolean interrupted = Thread.interrupted();
        int n = 0;
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.lock")) {
            synchronized (HELD) {
                for (Path p : files) {
                    if (!HELD.containsKey(p) && reclaimIfStale(p)) {
                        n++;
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("Cannot look for stale lock files in {}: {}", dir, e.toString());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return n;
    }

    /** Never called for a file this process holds: closing the channel would drop its lock. */
    private static boolean reclaimIfStale(Path p) {
        FileChannel ch;
        try {
            ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException gone) {
            return false;
        }
        try {
            FileLock l = ch.tryLock();
            if (l == null) {
                return false;   // a live process holds it
            }
            String recorded = read(ch);
            write(ch, RELEASED);
            Files.deleteIfExists(p);
            l.release();
            if (!recorded.equals(RELEASED) && !recorded.isEmpty()) {
                LOG.debug("Removed stale lock file {}, left by {}", p, recorded.split("\n")[0]);
            }
            return true;
        } catch (IOException e) {
            LOG.debug("Cannot reclaim lock file {}: {}", p, e.toString());
            return false;
        } finally {
            closeQuietly(ch);
        }
    }

    private static void write(FileChannel ch, String text) throws IOException {
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
    }

    private static String read(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        ch.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    /** @return what the holder recorded: "pid N" and its name for the notebook, or "" if it wrote nothing yet */
    private static String holder(String recorded) {
        String[] lines = recorded.split("\n");
        return lines.length >= 2 ? lines[0] + ", which opened it as " + lines[1] : "";
    }

    /** Drops one holder; the last one deletes the file and releases the lock. */
    void release() {
        boolean interrupted = Thread.interrupted();
        try {
            releaseUninterrupted();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void releaseUninterrupted() {
        synchronized (HELD) {
            if (--holders > 0) {
                return;
            }
            HELD.remove(path);
            try {
                // marked and deleted before the lock is released: a process that opened it before
                // the deletion and locks it after sees the mark and opens the path anew
                write(channel, RELEASED);
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    write(channel, "");     // it stays: unmarked, so that it still guards the notebook
                    throw e;
                }
                lock.release();
            } catch (IOException e) {
                LOG.debug("Releasing lock {}: {}", path, e.toString());
            } finally {
                closeQuietly(channel);
            }
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing releases what it held; nothing is left to undo
        }
    }
}
