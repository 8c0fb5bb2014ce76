package org.jepyc.hdf5;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jepyc.LabNotebook;
import org.jepyc.NotebookException;
import org.jepyc.NotebookExistsException;
import org.jepyc.NotebookFormatException;
import org.jepyc.OpenMode;
import org.jepyc.hdf5.h5.Attributes;
import org.jepyc.hdf5.h5.H5File;
import org.jepyc.hdf5.h5.Hdf5Exception;
import org.jepyc.storage.FilePermissions;
import org.jepyc.storage.NotebookLoader;
import org.jepyc.storage.NotebookState;
import org.jepyc.storage.NotebookStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HDF5 notebook file: opened read-only to load (so a file that turns out not to be a notebook
 * is never written), then kept open for writing until {@link #close()}, which also keeps other
 * processes from writing it meanwhile (HDF5's file lock). Commits go through
 * {@link CommitWriter}.
 */
final class Hdf5Storage implements NotebookStorage {
    private static final Logger LOG = LoggerFactory.getLogger(Hdf5Storage.class);
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private final Path file;
    private final String name;
    private final String description;
    private boolean readOnly;
    private H5File h5;
    private Map<String, SetRecord> records = new LinkedHashMap<>();
    private boolean suspect;
    private boolean unclean;
    private Runnable afterClose = () -> { };

    /**
     * @param file        the file
     * @param name        the notebook's name (the path, or the URL it came from)
     * @param readOnly    never write the file
     * @param description the description to write into a file created now, or null
     */
    Hdf5Storage(Path file, String name, boolean readOnly, String description) {
        this.file = file.toAbsolutePath();
        this.name = name;
        this.readOnly = readOnly;
        this.description = description;
    }

    /** @param r what to do once the file is closed (delete a downloaded copy) */
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
    public boolean open(OpenMode mode) {
        boolean exists = Files.exists(file);
        long size = exists ? sizeOf() : 0;
        if (readOnly) {
            if (!exists) {
                throw new NotebookException("No notebook file " + file + ": nothing to open read-only (nothing was created)");
            }
            h5 = openExisting(true);
            return true;
        }
        if (exists && size > 0 && mode == OpenMode.OPEN_OR_CREATE) {
            boolean writable = FilePermissions.isWritable(file);
            if (!writable) {
                LOG.info("Notebook {} is not writable: opening it read-only", file);
                readOnly = true;
            } else {
                removeStaleRewrites();
            }
            h5 = openExisting(true);
            return true;
        }
        if (exists && size > 0 && mode == OpenMode.CREATE_NEW) {
            throw new NotebookExistsException("Notebook file " + file + " already exists and is not empty: open it "
                    + "(create=false, OpenMode.OPEN_OR_CREATE), or use OpenMode.OVERWRITE to replace it");
        }
        create();
        return false;
    }

    private long sizeOf() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new NotebookException("Cannot read notebook file " + file + ": " + e.getMessage(), e);
        }
    }

    private H5File openExisting(boolean ro) {
        checkSignature();
        try {
            return H5File.open(file, ro);
        } catch (Hdf5Exception e) {
            throw new NotebookFormatException(file + " is damaged or truncated and cannot be opened as an HDF5 notebook: "
                    + e.getMessage(), e);
        }
    }

    /** Refuses a file that is not HDF5 before the library sees it (a clearer message than HDF5's). */
    private void checkSignature() {
        byte[] head = new byte[24];
        int got;
        try (InputStream in = Files.newInputStream(file)) {
            got = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new NotebookException("Cannot read notebook file " + file + ": " + e.getMessage(), e);
        }
        if (got < SIGNATURE.length || !java.util.Arrays.equals(java.util.Arrays.copyOf(head, SIGNATURE.length), SIGNATURE)) {
            throw new NotebookFormatException(file + " is not an HDF5 file (no HDF5 signature at its start), "
                    + "so not an HDF5 notebook");
        }
        // HDF5 sets bit 0 of the superblock's consistency flags while a writer has the file open
        // and clears it on close: still set here means the last writer died
        int version = head[8];
        int flags = version <= 1 && got >= 24 ? (head[20] & 0xff) : (version >= 2 && got >= 12 ? head[11] & 0xff : 0);
        unclean = (flags & 1) != 0;
        if (unclean) {
            LOG.warn("Notebook {} was not closed cleanly (a crash?): its next commit rewrites it into a new file", file);
        }
    }

    /** A new file that is already a loadable notebook: root attributes and the default group (D10 fixed). */
    private void create() {
        try {
            h5 = H5File.create(file, Layout.CHUNK_INDEX_RANK);
            Attributes root = h5.attributes("/");
            root.writeString(Layout.CREATOR, Layout.CREATOR_TEXT);
            root.writeString(Layout.VERSION_ATTR, Layout.VERSION);
            root.writeString(Layout.DESCRIPTION, description == null ? LabNotebook.DEFAULT_DESCRIPTION : description);
            root.writeString(Layout.CURRENT, LabNotebook.DEFAULT_RESULTSET);
            root.writeBool(Layout.LOCKED, false);
            org.jepyc.hdf5.h5.Groups.create(h5, "/" + LabNotebook.DEFAULT_RESULTSET, 512);
            h5.attributes("/" + LabNotebook.DEFAULT_RESULTSET).writeBool(Layout.LOCKED, false);
            h5.flush();
            records = new LinkedHashMap<>();
            SetRecord def = new SetRecord();
            def.locked = false;
            records.put(LabNotebook.DEFAULT_RESULTSET, def);
            LOG.info("Created notebook {}", file);
        } catch (Hdf5Exception e) {
            closeQuietly();
            throw new NotebookException("Cannot create notebook file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void load(NotebookLoader into) {
        try {
            NotebookReader reader = new NotebookReader(h5);
            records = reader.load(into);
            boolean lockedOnDisk = reader.root().locked();
            if (lockedOnDisk) {
                readOnly = true;   // a finished notebook is never written again
            }
            if (!readOnly) {
                h5.close();
                h5 = H5File.open(file, false);
            }
        } catch (Hdf5Exception e) {
            closeQuietly();
            throw new NotebookFormatException(file + " cannot be read as an epyc notebook: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /** Closes the file after a failed open or load, which leaves no notebook to close it. */
    void abandon() {
        closeQuietly();
        afterClose.run();
    }

    @Override
    public void save(NotebookState state) {
        if (readOnly) {
            throw new IllegalStateException("Notebook " + name + " is read-only");
        }
        // after a failed commit or a crash the file may hold what the dead commit left behind
        // (staged links to objects never written, references past the published rows); cleaning
        // those up in place could follow them into live data, so the notebook is written whole
        // into a new file instead, and the suspect one is replaced without ever being touched
        boolean whole = suspect || unclean;
        try {
            // before HDF5 writes anything: it does not recover from a disk filling up mid-commit
            SpaceCheck.ensureRoom(file, state, whole ? Map.of() : records);
        } catch (Hdf5Exception | NotebookException e) {
            throw failed(e);
        }
        if (whole) {
            rewriteWhole(state);
            return;
        }
        try {
            records = new CommitWriter(h5, records).write(state);
            // a fresh handle forgets HDF5's in-session free space, so the next commit never grows
            // a heap collection or reuses space that published data lives in (see CommitWriter)
            h5.close();
            h5 = H5File.open(file, false);
        } catch (Hdf5Exception | NotebookException e) {
            suspect = true;
            throw failed(e);
        } catch (RuntimeException e) {
            suspect = true;
            throw e;
        }
    }

    private NotebookException failed(RuntimeException e) {
        return new NotebookException("Commit to notebook " + file + " failed, and the file still holds the last "
                + "committed notebook: " + e.getMessage(), e);
    }

    /**
     * Writes the whole notebook into a new file beside the old one, forces it to disk and renames
     * it over the old one: a crash or a failure at any moment leaves one or the other whole.
     */
    private void rewriteWhole(NotebookState state) {
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".jepyc-tmp");
        closeQuietly();
        H5File fresh = null;
        try {
            fresh = H5File.create(tmp, Layout.CHUNK_INDEX_RANK);
            Map<String, SetRecord> written = new CommitWriter(fresh, new LinkedHashMap<>()).write(state);
            fresh.close();
            fresh = null;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
            records = written;
            suspect = false;
            unclean = false;
            LOG.info("Rewrote notebook {} whole after an unclean shutdown or a failed commit", file);
        } catch (IOException | RuntimeException e) {
            if (fresh != null) {
                try {
                    fresh.close();
                } catch (RuntimeException ignored) {
                    // the commit has failed already; the temporary file goes next
                }
            }
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover temporary file harms nothing: it is never read
            }
            RuntimeException cause = e instanceof RuntimeException re ? re : new NotebookException(e.getMessage(), e);
            throw failed(cause);
        } finally {
            h5 = H5File.open(file, false);
        }
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

    private void forceDirectory() {
        Path dir = file.toAbsolutePath().getParent();
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot sync directory {}: {}", dir, e.toString());   // some file systems refuse; the rename stands
        }
    }

    private void closeQuietly() {
        if (h5 != null) {
            try {
                h5.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing {} after an error: {}", file, e.getMessage());
            }
            h5 = null;
        }
    }

    @Override
    public void close() {
        if (h5 != null) {
            try {
                h5.close();
            } catch (Hdf5Exception e) {
                throw new NotebookException("Closing notebook file " + file + " failed: " + e.getMessage(), e);
            } finally {
                h5 = null;
                afterClose.run();
            }
        } else {
            afterClose.run();
        }
    }
}
