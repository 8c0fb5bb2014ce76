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

/**
 * The bytes of a file as they were at one instant, read while another process may be committing
 * to it.
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
 */
public final class Snapshot {

    /** How old a modification must be for one copy to suffice: far above any timestamp granularity. */
    private static final long QUIET_NANOS = 2_000_000_000L;

    /** How long to keep retrying while a writer keeps changing the file. */
    private static final long PATIENCE = 30_000_000_000L;

    /** How much of the file the second read holds at once. */
    private static final int REREAD_BLOCK = 1 << 20;

    private Snapshot() { }

    /**
     * @param file a file
     * @return its bytes at one instant, in a heap buffer whose whole array they are
     * @throws H5FileException if it cannot be read, is larger than 2 GiB, or never holds still
     */
    public static ByteBuffer read(Path file) {
        long deadline = System.nanoTime() + PATIENCE;
        while (true) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                Instant started = Instant.now();
                Stamp before = Stamp.of(file);
                ByteBuffer copy = copy(file, ch);
                Stamp after = Stamp.of(file);
                boolean quiet = before.equals(after)
                        && before.modified.plusNanos(QUIET_NANOS).isBefore(started)
                        && after.size == copy.capacity();
                if (quiet || sameAsRereading(ch, copy)) {
                    return copy;
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
            block.clear().limit(want);
            while (block.hasRemaining()) {
                if (ch.read(block, at + block.position()) < 0) {
                    return false;   // shorter now
                }
            }
            if (!Arrays.equals(block.array(), 0, want, bytes, at, at + want)) {
                return false;
            }
            at += want;
        }
        return ch.size() == bytes.length;
    }

    private static ByteBuffer copy(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new H5FileException(file, "is " + size + " bytes, more than jepyc reads (2 GiB)");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size);
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

    /** What identifies a file's content without reading it. */
    private record Stamp(Object key, long size, Instant modified) {
        static Stamp of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.fileKey(), a.size(), a.lastModifiedTime().toInstant());
        }
    }
}
