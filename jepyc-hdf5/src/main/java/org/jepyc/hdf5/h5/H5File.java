package org.jepyc.hdf5.h5;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * An open HDF5 file. Everything else in this package works on an {@code H5File} so that any
 * failure can name the file it happened in.
 */
public final class H5File implements AutoCloseable {

    private final Path path;
    private final boolean readOnly;
    private long fid;

    private H5File(Path path, long fid, boolean readOnly) {
        this.path = path;
        this.fid = fid;
        this.readOnly = readOnly;
    }

    /** Creates (truncating any existing file) a new empty HDF5 file. */
    public static H5File create(Path path) {
        H5Library.ensureLoaded();
        Path abs = path.toAbsolutePath();
        long id = callLong(abs, "create file", () -> H5.H5Fcreate(abs.toString(), HDF5Constants.H5F_ACC_TRUNC,
                HDF5Constants.H5P_DEFAULT, HDF5Constants.H5P_DEFAULT));
        return new H5File(abs, id, false);
    }

    /**
     * Creates (truncating any existing file) a new empty HDF5 file whose chunked datasets index
     * up to {@code 2 * istoreK} chunks in a single B-tree node. A node that never splits is only
     * ever rewritten in place, which keeps appends safe against a crash between writing a parent
     * node and its new children (HDF5's default, 32, splits every 64 chunks). Needs superblock
     * version 1, which every HDF5 since 1.6 reads.
     */
    public static H5File create(Path path, int istoreK) {
        H5Library.ensureLoaded();
        Path abs = path.toAbsolutePath();
        long id = callLong(abs, "create file", () -> {
            long fcpl = H5.H5Pcreate(HDF5Constants.H5P_FILE_CREATE);
            try {
                H5.H5Pset_istore_k(fcpl, istoreK);
                // room for many result-set names, so the root's name heap rarely has to grow
                H5.H5Pset_local_heap_size_hint(fcpl, 4096);
                return H5.H5Fcreate(abs.toString(), HDF5Constants.H5F_ACC_TRUNC, fcpl, HDF5Constants.H5P_DEFAULT);
            } finally {
                H5.H5Pclose(fcpl);
            }
        });
        return new H5File(abs, id, false);
    }

    /** Opens an existing HDF5 file, read-only or read/write; never creates or truncates. */
    public static H5File open(Path path, boolean readOnly) {
        H5Library.ensureLoaded();
        Path abs = path.toAbsolutePath();
        if (!Files.isRegularFile(abs)) {
            throw new H5FileException(abs, "no such file");
        }
        int flags = readOnly ? HDF5Constants.H5F_ACC_RDONLY : HDF5Constants.H5F_ACC_RDWR;
        long id = callLong(abs, readOnly ? "open file read-only" : "open file for writing",
                () -> H5.H5Fopen(abs.toString(), flags, HDF5Constants.H5P_DEFAULT));
        return new H5File(abs, id, readOnly);
    }

    /** The absolute path of this file. */
    public Path path() {
        return path;
    }

    /** Whether the file was opened read-only. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** The HDF5 file id (also usable as the root group's location id). */
    public long id() {
        if (fid < 0) {
            throw new H5FileException(path, "file is closed");
        }
        return fid;
    }

    /** Writes all buffered data and metadata of this file to the OS (not an fsync). */
    public void flush() {
        run("flush", () -> H5.H5Fflush(id(), HDF5Constants.H5F_SCOPE_GLOBAL));
    }

    /** The attributes of the object (group or dataset) at {@code objectPath}, e.g. "/" or "/tag/results". */
    public Attributes attributes(String objectPath) {
        return new Attributes(this, objectPath);
    }

    @Override
    public void close() {
        if (fid >= 0) {
            long id = fid;
            fid = -1;
            run("close", () -> H5.H5Fclose(id));
        }
    }

    /** Runs an HDF5 action under the global lock, wrapping failures with this file's name. */
    <T> T call(String what, Supplier<T> action) {
        return call(path, what, action);
    }

    /** As {@link #call(String, Supplier)} for actions returning an id or status. */
    long callLong(String what, LongSupplier action) {
        return callLong(path, what, action);
    }

    void run(String what, Runnable action) {
        call(path, what, () -> {
            action.run();
            return null;
        });
    }

    private static long callLong(Path file, String what, LongSupplier action) {
        Long id = call(file, what, () -> action.getAsLong());
        return id;
    }

    private static <T> T call(Path file, String what, Supplier<T> action) {
        synchronized (H5Library.LOCK) {
            try {
                return action.get();
            } catch (HDF5Exception e) {
                throw new H5FileException(file, what + ": " + e.getMessage(), e);
            }
        }
    }
}
