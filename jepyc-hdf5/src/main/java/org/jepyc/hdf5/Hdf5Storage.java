package org.jepyc.hdf5;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.io.RandomAccessFile;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jepyc.NotebookException;
import org.jepyc.NotebookExistsException;
import org.jepyc.NotebookFormatException;
import org.jepyc.hdf5.h5.ReadOnlyFile;
import org.jepyc.hdf5.h5.SnapshotSpaceException;
import org.jepyc.hdf5.h5.H5File;
import org.jepyc.hdf5.h5.H5FileException;
import org.jepyc.storage.Commit;
import org.jepyc.storage.FilePermissions;
import org.jepyc.storage.NotebookStorage;
import org.jepyc.storage.SetCommit;
import org.jepyc.storage.StorageMode;
import org.jepyc.storage.StoredNotebook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HDF5 notebook file, touched only to load and to commit: no file handle is held between
 * them, so reading never changes a byte, a notebook left unclosed leaves nothing open in the
 * HDF5 library at exit, and other processes can read the last committed state at any time.
 *
 * <p>Loading reads a snapshot of the file through the pure-Java {@link ReadOnlyFile}, so a
 * damaged file never reaches the native library. A commit opens the file with the native
 * library, appends beyond the committed rows, publishes them and closes it (see
 * {@link CommitWriter}). A new file, an {@link StorageMode#OVERWRITE}, a file left by a crashed
 * or failed commit, and a file changed since this notebook last read or wrote it are instead
 * written whole into a new file that is renamed over the old one.
 */
final class Hdf5Storage implements NotebookStorage {
    private static final Logger LOG = LoggerFactory.getLogger(Hdf5Storage.class);
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private final Path file;
    private final String name;
    private boolean readOnly;
    /** The next commit writes a new file whole (nothing there yet, replaced, or not to be trusted). */
    private boolean whole;
    /** Sets whose group the next commit rewrites even unchanged: what the file holds of them is incomplete. */
    private Set<String> repair = Set.of();
    /** The next commit rewrites the root's attributes: one could not be read. */
    private boolean rootRepair;
    /** jepyc made the file's last commit, so its row markers are to be trusted. */
    private boolean jepycWroteLast;
    /** The file's identity, size and time as this notebook last read or wrote it. */
    private Object stamp;
    private Runnable afterClose = () -> { };

    /**
     * @param file        the file
     * @param name        the notebook's name (the path, or the URL it came from)
     * @param readOnly    never write the file
     */
    Hdf5Storage(Path file, String name, boolean readOnly) {
        this.file = file.toAbsolutePath();
        this.name = name;
        this.readOnly = readOnly;
    }

    /** @param r what to do once the notebook is closed (delete a downloaded copy) */
    void afterClose(Runnable r) {
        afterClose = r;
    }

    @Override
    public String name() { return name; }

    @Override
    public boolean isReadOnly() { return readOnly; }

    @Override
    public Path file() { return file; }

    @Override
    public Opened open(StorageMode mode) {
        boolean exists = Files.exists(file);
        long size = exists ? sizeOf() : 0;
        if (readOnly) {
            if (!exists) {
                throw new NotebookException("No notebook file " + file + ": nothing to open read-only (nothing was created)");
            }
            checkSignature();
            return Opened.STORED;
        }
        if (exists && size > 0 && mode == StorageMode.OPEN_OR_CREATE) {
            if (!FilePermissions.isWritable(file)) {
                LOG.info("Notebook {} is not writable: opening it read-only", file);
                readOnly = true;
            } else {
                removeStaleRewrites();
            }
            checkSignature();
            return Opened.STORED;
        }
        if (exists && size > 0 && mode == StorageMode.CREATE_NEW) {
            throw new NotebookExistsException("Notebook file " + file + " already exists and is not empty: open it "
                    + "(create=false, OpenMode.OPEN_OR_CREATE), or use OpenMode.OVERWRITE to replace it");
        }
        // a new notebook is written whole: a missing or empty file at once (as epyc creates it), a
        // file to overwrite at the first commit, so that it stays as it was until then
        whole = true;
        return exists && size > 0 ? Opened.REPLACED_AT_FIRST_COMMIT : Opened.CREATED_AT_OPEN;
    }

    private long sizeOf() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new NotebookException("Cannot read notebook file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a file that is not HDF5 before reading it (a clearer message than a reader's). */
    private void checkSignature() {
        byte[] head = readHead();
        if (head.length < SIGNATURE.length
                || !java.util.Arrays.equals(java.util.Arrays.copyOf(head, SIGNATURE.length), SIGNATURE)) {
            throw new NotebookFormatException(file + " is not an HDF5 file (no HDF5 signature at its start), "
                    + "so not an HDF5 notebook");
        }
    }

    private byte[] readHead() {
        byte[] head = new byte[24];
        int got;
        try (InputStream in = Files.newInputStream(file)) {
            got = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new NotebookException("Cannot read notebook file " + file + ": " + e.getMessage(), e);
        }
        return java.util.Arrays.copyOf(head, got);
    }

    /**
     * HDF5 sets bit 0 of the superblock's consistency flags while a writer has the file open
     * and clears it on close. This storage holds the writer lock, so a set bit means the last
     * writer died in a commit.
     */
    private boolean uncleanlyClosed() {
        byte[] head = readHead();
        int version = head.length > 8 ? head[8] : 0;
        int flags = version <= 1 ? (head.length >= 24 ? head[20] & 0xff : 0) : (head.length >= 12 ? head[11] & 0xff : 0);
        return (flags & 1) != 0;
    }

    @Override
    public StoredNotebook load() {
        // taken before the snapshot: a change in between makes the next commit rewrite the file
        // whole rather than append to rows it has not read
        Object before = stampOf(file);
        NotebookReader.Loaded loaded;
        try (ReadOnlyFile snapshot = ReadOnlyFile.open(file)) {
            loaded = read(snapshot);
        } catch (SnapshotSpaceException e) {
            // no room to copy a large file: the file is fine, and the message says what to do
            throw new NotebookException(e.getMessage(), e);
        } catch (H5FileException e) {
            throw damaged(e);
        }
        if (loaded.notebook().locked()) {
            readOnly = true;   // a finished notebook is never written again
        }
        repair = loaded.repair();
        rootRepair = loaded.rootRepair();
        jepycWroteLast = loaded.jepycWroteLast();
        stamp = before;
        return loaded.notebook();
    }

    private NotebookReader.Loaded read(ReadOnlyFile f) {
        try {
            return new NotebookReader(f).load();
        } catch (H5FileException e) {
            throw damaged(e);
        } catch (NotebookException e) {
            throw e;
        } catch (RuntimeException e) {
            // a damaged file can hold what no notebook can (an empty set name, a value of the
            // wrong type): the notebook refuses it, and the file is named here
            throw new NotebookFormatException(file + " holds something no epyc notebook can, and cannot be loaded: "
                    + e.getMessage(), e);
        }
    }

    private NotebookFormatException damaged(H5FileException e) {
        return new NotebookFormatException(file + " is damaged or truncated and cannot be read as an epyc HDF5 "
                + "notebook: " + e.getMessage(), e);
    }

    @Override
    public void save(Commit commit) {
        if (readOnly) {
            throw new IllegalStateException("Notebook " + name + " is read-only");
        }
        // after a failed commit or a crash the file may hold what the dead commit left behind
        // (staged links to objects never written, references past the published rows); cleaning
        // those up in place could follow them into live data, so the notebook is written whole
        // into a new file instead, and the suspect one is replaced without ever being touched.
        // A file changed by someone else since it was read is rewritten too: appending at the
        // row counts this notebook knows would write over rows it never saw.
        if (!whole && Files.exists(file)) {
            if (uncleanlyClosed()) {
                LOG.warn("Notebook {} was left by a commit that did not finish (a crash?): rewriting it whole", file);
                whole = true;
            } else if (!java.util.Objects.equals(stamp, stampOf(file))) {
                LOG.warn("Notebook {} was changed by another writer since it was read: rewriting it whole", file);
                whole = true;
            }
        }
        for (SetCommit sc : commit.sets()) {
            if (sc.schemaChanged()) {
                Schema.checkNames(file, sc.tag(), sc.now().schema());
            }
        }
        try {
            // before HDF5 writes anything: it does not recover from a disk filling up mid-commit
            SpaceCheck.ensureRoom(file, commit, whole, repair);
        } catch (H5FileException | NotebookException e) {
            throw failed(e);
        }
        if (whole) {
            rewriteWhole(commit);
            return;
        }
        try (H5File h5 = H5File.open(file, false)) {
            new CommitWriter(h5, false, repair, rootRepair, jepycWroteLast).write(commit);
        } catch (H5FileException | NotebookException e) {
            whole = true;
            throw failed(e);
        } catch (RuntimeException e) {
            whole = true;
            throw e;
        }
        afterCommit();
    }

    /** The file now holds the commit, written by jepyc, whole. */
    private void afterCommit() {
        repair = Set.of();
        rootRepair = false;
        jepycWroteLast = true;
        stamp = stampOf(file);
    }

    private NotebookException failed(RuntimeException e) {
        return new NotebookException("Commit to notebook " + file + " failed, and the file still holds the last "
                + "committed notebook: " + e.getMessage(), e);
    }

    /**
     * Writes the whole notebook into a new file beside the old one, syncs it to disk and renames
     * it over the old one: a crash or a failure at any moment leaves one or the other whole.
     * The sync goes through the file's descriptor, which works on an interrupted thread (a
     * {@link FileChannel} refuses to force there).
     */
    private void rewriteWhole(Commit commit) {
        Path target = realTarget();
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".jepyc-tmp");
        boolean created = !Files.exists(target);
        try {
            try (H5File fresh = H5File.create(tmp, Layout.CHUNK_INDEX_RANK)) {
                new CommitWriter(fresh, true, Set.of(), false, true).write(commit);
            }
            try (RandomAccessFile raf = new RandomAccessFile(tmp.toFile(), "rw")) {
                raf.getFD().sync();
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(target);
            whole = false;
            LOG.info(created ? "Wrote notebook {}" : "Rewrote notebook {} whole", file);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover temporary file harms nothing: it is never read
            }
            RuntimeException cause = e instanceof RuntimeException re ? re : new NotebookException(e.getMessage(), e);
            throw failed(cause);
        }
        afterCommit();
    }

    /** Deletes new files a crashed whole rewrite left beside the notebook (never read: only renamed into place). */
    private void removeStaleRewrites() {
        Path dir = file.toAbsolutePath().getParent();
        String glob = "." + file.getFileName() + ".*.jepyc-tmp";
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, glob)) {
            for (Path p : stale) {
                Files.deleteIfExists(p);
                LOG.info("Removed {}, left by a rewrite of {} that did not finish", p, file);
            }
        } catch (IOException e) {
            LOG.debug("Cannot clear stale rewrites of {}: {}", file, e.toString());
        }
    }

    /**
     * The file a rename must replace: the notebook itself when its path is a symbolic link (a
     * rename over the link would replace the link and leave the notebook it names unchanged).
     */
    private Path realTarget() {
        try {
            return file.toRealPath();
        } catch (IOException missing) {
            return file;
        }
    }

    /** Makes the rename durable where the file system allows syncing a directory. */
    private void forceDirectory(Path target) {
        Path dir = target.getParent();
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems refuse, and an interrupted thread cannot force a channel; the rename stands
            LOG.debug("Cannot sync directory {}: {}", dir, e.toString());
        }
    }

    /** What tells whether the file changed: its identity, size and modification time. */
    private static Object stampOf(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime());
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        afterClose.run();
    }
}
