package org.jepyc.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jepyc.NotebookException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writing process per notebook file: an operating-system lock on a hidden file beside the
 * notebook, held while a notebook is open for writing. A second process writing the same file
 * (a second campaign, a {@code jepyc remove} while a run goes on) would silently overwrite the
 * first one's commits; it is refused instead. Readers take no lock. Within one process a second
 * notebook object on the same file is allowed, as epyc allows it (its tests reload a notebook
 * while the first object is still open): the program owns both.
 */
public final class WriterLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriterLock.class);

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param notebook the notebook file (it need not exist yet)
     * @return the lock, or null where this process holds it already or no lock file can be made
     *         (a read-only directory: then the notebook cannot be written there anyway)
     * @throws NotebookException if another process has the notebook open for writing
     */
    public static WriterLock acquire(Path notebook) {
        Path abs = notebook.toAbsolutePath();
        Path path = abs.resolveSibling("." + abs.getFileName() + ".lock");
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            LOG.debug("No writer lock for {}: {}", notebook, e.toString());
            return null;
        }
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch);
            LOG.debug("Notebook {} is open for writing twice in this process", notebook);
            return null;
        } catch (IOException e) {
            l = null;
        }
        if (l == null) {
            closeQuietly(ch);
            throw new NotebookException("Notebook " + notebook + " is open for writing in another process (which holds "
                    + path + "): close it there first, or open this one read-only");
        }
        return new WriterLock(path, ch, l);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing was locked through it
        }
    }

    /** Releases the lock and removes its file. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.debug("Releasing writer lock {}: {}", path, e.toString());
        }
    }
}
