package org.jepyc.hdf5.h5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bytes of a file as they were at one instant, read while another process may be committing
 * to it: in memory for a file up to {@link #IN_MEMORY_LIMIT}, else in a private temporary copy.
 *
 * <p>Why: a writer changes a notebook in place (appended rows, index nodes, the row-count
 * markers), and a copy taken while it writes can mix bytes from before and after one write: a
 * state the file never had, which no reader can trust. Every state the file passes through
 * between two writes is a committed notebook (a commit killed at any instant leaves one), so
 * a copy is good if no write happened while it was taken. Two rules show that: a file whose
 * size, identity and modification time are the same before and after the copy, and whose last
 * modification is older than the copy by more than the file system's timestamp granularity,
 * was not written meanwhile; otherwise the file is read a second time, and two copies that are
 * byte for byte equal cannot both be torn (a write between them would differ, a write during
 * the first copy would show in the second). A file renamed over the notebook is caught by its
 * identity. Copies that keep differing are retried until {@link #PATIENCE} has passed.
 *
 * <p>A Java array holds at most 2 GiB, so a larger file is copied, under the same rules, to a
 * temporary file of its own (named {@code jepyc-snapshot-*}; on POSIX systems only its owner
 * reads it) in the temporary directory; the comparison then reads the file and the copy side by side. Nobody
 * else writes that copy, so whatever is read from it later belongs to the one instant copied.
 * {@link #close} deletes it, and a copy that fails is deleted before the error is thrown.
 */
public final class Snapshot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Snapshot.class);

    /** The largest file held in memory: the largest array the JVM allocates. */
    static final long IN_MEMORY_LIMIT = Integer.MAX_VALUE - 8;

    /** The name a private copy starts with, so a stray one is recognisable. */
    static final String COPY_PREFIX = "jepyc-snapshot-";

    /** How old a modification must be for one copy to suffice: far above any timestamp granularity. */
    private static final long QUIET_NANOS = 2_000_000_000L;

    /** How long to keep retrying while a writer keeps changing the file. */
    private static final long PATIENCE = 30_000_000_000L;

    /** How much of the file the second read holds at once. */
    private static final int REREAD_BLOCK = 1 << 20;

    private final ByteBuffer bytes;
    private final Path copy;

    private Snapshot(ByteBuffer bytes, Path copy) {
        this.bytes = bytes;
        this.copy = copy;
    }

    /**
     * @param file          a file
     * @param inMemoryLimit the largest size held in memory (at most {@link #IN_MEMORY_LIMIT})
     * @param tempDir       where a larger file is copied
     * @return its bytes at one instant
     * @throws H5FileException if it cannot be read or copied, or never holds still
     */
    static Snapshot take(Path file, long inMemoryLimit, Path tempDir) {
        long limit = Math.min(inMemoryLimit, IN_MEMORY_LIMIT);
        long deadline = System.nanoTime() + PATIENCE;
        while (true) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                Instant started = Instant.now();
                Stamp before = Stamp.of(file);
                long size = ch.size();
                if (size <= limit) {
                    ByteBuffer copy = copy(ch, (int) size);
                    if (before.unchangedBy(Stamp.of(file), started, copy.capacity()) || sameAsRereading(ch, copy)) {
                        return new Snapshot(copy, null);
                    }
                } else {
                    Snapshot s = copyToTemp(file, ch, size, before, started, tempDir);
                    if (s != null) {
                        return s;
                    }
                }
            } catch (NoSuchFileException e) {
                // renamed over between listing and opening: the next round opens the new file
                if (!Files.exists(file)) {
                    throw new H5FileException(file, "no such file");
                }
            } catch (IOException e) {
                throw new H5FileException(file, "cannot read: " + e.getMessage(), e);
            }
            if (System.nanoTime() > deadline) {
                throw new H5FileException(file, "it kept changing for " + PATIENCE / 1_000_000_000L
                        + " s while being read (a writer committing without pause?)");
            }
            Thread.onSpinWait();
        }
    }

    /** Whether the bytes are held in memory ({@link #bytes}) rather than in a copy ({@link #copy}). */
    boolean inMemory() {
        return bytes != null;
    }

    /** The file's bytes, in a heap buffer whose whole array they are; null for a copied file. */
    ByteBuffer bytes() {
        return bytes;
    }

    /** The private copy of a file too large for memory; null for a file held in memory. */
    Path copy() {
        return copy;
    }

    /** Deletes the private copy, if any. */
    @Override
    public void close() {
        delete(copy);
    }

    /**
     * One round of copying a large file: the copy if it is of one instant, else null (deleted).
     * Failing to write the copy is a {@link SnapshotSpaceException}, never a damaged file; failing
     * to read the file is the file's error, as for a file read in memory.
     */
    private static Snapshot copyToTemp(Path file, FileChannel ch, long size, Stamp before, Instant started,
            Path tempDir) throws IOException {
        Path tmp = null;
        boolean kept = false;
        try {
            long free = usableSpace(file, tempDir, size);
            if (free < size) {
                throw new SnapshotSpaceException(file, tempDir, size, "it has " + free + " bytes free", null);
            }
            long copied;
            try {
                tmp = Files.createTempFile(tempDir, COPY_PREFIX, ".h5");
                try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    copied = copy(file, ch, out);
                }
            } catch (IOException e) {
                // reading the file fails as H5FileException: what is left is the copy's
                throw new SnapshotSpaceException(file, tempDir, size, e.toString(), e);
            }
            if (before.unchangedBy(Stamp.of(file), started, copied) || sameAsRereading(ch, tmp)) {
                kept = true;
                LOG.info("Copied {} ({} bytes, more than is read in memory) to {}", file, copied, tmp);
                return new Snapshot(null, tmp);
            }
            return null;
        } finally {
            if (!kept) {
                delete(tmp);
            }
        }
    }

    private static long usableSpace(Path file, Path tempDir, long size) {
        if (!Files.isDirectory(tempDir)) {
            throw new SnapshotSpaceException(file, tempDir, size, "it is not a directory", null);
        }
        try {
            return Files.getFileStore(tempDir).getUsableSpace();
        } catch (IOException e) {
            throw new SnapshotSpaceException(file, tempDir, size, e.toString(), e);
        }
    }

    /**
     * Copies the file a block at a time, to its end as it is now (shorter if truncated meanwhile:
     * the checks see it).
     *
     * @return the bytes copied
     * @throws H5FileException if the file cannot be read
     * @throws IOException     if the copy cannot be written
     */
    private static long copy(Path file, FileChannel in, FileChannel out) throws IOException {
        ByteBuffer block = ByteBuffer.allocateDirect(REREAD_BLOCK);
        long at = 0;
        while (true) {
            int n;
            try {
                n = in.read(block.clear(), at);
            } catch (IOException e) {
                throw new H5FileException(file, "cannot read: " + e.getMessage(), e);
            }
            if (n < 0) {
                return at;
            }
            block.flip();
            while (block.hasRemaining()) {
                out.write(block);
            }
            at += n;
        }
    }

    /**
     * Reads the file a second time, a block at a time, comparing it with the copy: the second
     * read is the second copy of the rule above, held one block at a time rather than whole.
     */
    private static boolean sameAsRereading(FileChannel ch, ByteBuffer copy) throws IOException {
        byte[] bytes = copy.array();
        if (ch.size() != bytes.length) {
            return false;
        }
        ByteBuffer block = ByteBuffer.allocate(Math.min(REREAD_BLOCK, Math.max(1, bytes.length)));
        for (int at = 0; at < bytes.length; ) {
            int want = Math.min(block.capacity(), bytes.length - at);
            if (!readFully(ch, block, at, want)) {
                return false;   // shorter now
            }
            if (!Arrays.equals(block.array(), 0, want, bytes, at, at + want)) {
                return false;
            }
            at += want;
        }
        return ch.size() == bytes.length;
    }

    /** {@link #sameAsRereading(FileChannel, ByteBuffer)} for a copy on disk: both read a block at a time. */
    private static boolean sameAsRereading(FileChannel ch, Path copy) throws IOException {
        try (FileChannel c = FileChannel.open(copy, StandardOpenOption.READ)) {
            long size = c.size();
            if (ch.size() != size) {
                return false;
            }
            ByteBuffer a = ByteBuffer.allocate(REREAD_BLOCK);
            ByteBuffer b = ByteBuffer.allocate(REREAD_BLOCK);
            for (long at = 0; at < size; ) {
                int want = (int) Math.min(REREAD_BLOCK, size - at);
                if (!readFully(ch, a, at, want) || !readFully(c, b, at, want)) {
                    return false;
                }
                if (!Arrays.equals(a.array(), 0, want, b.array(), 0, want)) {
                    return false;
                }
                at += want;
            }
            return ch.size() == size;
        }
    }

    /** Reads {@code want} bytes at {@code at} into the start of {@code block}; false if the file ends first. */
    static boolean readFully(FileChannel ch, ByteBuffer block, long at, int want) throws IOException {
        block.clear().limit(want);
        while (block.hasRemaining()) {
            if (ch.read(block, at + block.position()) < 0) {
                return false;
            }
        }
        return true;
    }

    private static ByteBuffer copy(FileChannel ch, int size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(size);
        while (buf.hasRemaining()) {
            if (ch.read(buf, buf.position()) < 0) {
                break;   // truncated while read: the copies will differ, or the stamps
            }
        }
        if (buf.hasRemaining()) {
            return ByteBuffer.wrap(Arrays.copyOf(buf.array(), buf.position()));
        }
        return buf.flip();
    }

    /**
     * Deletes a private copy. A copy still mapped cannot be deleted on some systems (Windows):
     * it then goes when the JVM exits.
     */
    private static void delete(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            LOG.warn("Cannot delete the temporary copy {} ({}); deleting it when the JVM exits", tmp, e.toString());
            tmp.toFile().deleteOnExit();
        }
    }

    /** What identifies a file's content without reading it. */
    private record Stamp(Object key, long size, Instant modified) {
        static Stamp of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.fileKey(), a.size(), a.lastModifiedTime().toInstant());
        }

        /** Whether a copy of {@code copied} bytes begun at {@code started} is of one instant by the stamps alone. */
        boolean unchangedBy(Stamp after, Instant started, long copied) {
            return equals(after) && modified.plusNanos(QUIET_NANOS).isBefore(started) && after.size == copied;
        }
    }
}
