package org.jepyc.hdf5.h5;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_RDONLY;
import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_RDWR;
import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_TRUNC;
import static org.bytedeco.hdf5.global.hdf5.H5F_SCOPE_GLOBAL;
import static org.bytedeco.hdf5.global.hdf5.H5P_DEFAULT;
import static org.bytedeco.hdf5.global.hdf5.H5Fcreate;
import static org.bytedeco.hdf5.global.hdf5.H5Fflush;
import static org.bytedeco.hdf5.global.hdf5.H5Fopen;
import static org.bytedeco.hdf5.global.hdf5.H5Pcreate;
import static org.bytedeco.hdf5.global.hdf5.H5Pset_istore_k;
import static org.bytedeco.hdf5.global.hdf5.H5Pset_local_heap_size_hint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * An open HDF5 file. Everything else in this package works on an {@code H5File} so that any
 * failure can name the file it happened in: {@link #call} runs HDF5 work under the global lock and
 * turns its failures into {@link H5FileException}s naming the file and the operation.
 */
public final class H5File implements AutoCloseable {

    private final Path path;
    private final boolean readOnly;
    private final H5Id fid;

    private H5File(Path path, H5Id fid, boolean readOnly) {
        this.path = path;
        this.fid = fid;
        this.readOnly = readOnly;
    }

    /** Creates (truncating any existing file) a new empty HDF5 file. */
    public static H5File create(Path path) {
        H5Library.ensureLoaded();
        Path abs = path.toAbsolutePath();
        H5Id id = call(abs, "create file", () -> {
            try (CString name = NativeCodec.utf8(abs.toString())) {
                return H5Id.of(H5Id.Kind.FILE, H5Fcreate(name, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "H5Fcreate");
            }
        });
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
        H5Id id = call(abs, "create file", () -> {
            try (H5Id fcpl = H5Id.propertyList(H5Pcreate(Predefined.FILE_CREATE), "H5Pcreate");
                 CString name = NativeCodec.utf8(abs.toString())) {
                H5Errors.check(H5Pset_istore_k(fcpl.get(), istoreK), "H5Pset_istore_k");
                // room for many result-set names, so the root's name heap rarely has to grow
                H5Errors.check(H5Pset_local_heap_size_hint(fcpl.get(), 4096), "H5Pset_local_heap_size_hint");
                return H5Id.of(H5Id.Kind.FILE, H5Fcreate(name, H5F_ACC_TRUNC, fcpl.get(), H5P_DEFAULT), "H5Fcreate");
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
        int flags = readOnly ? H5F_ACC_RDONLY : H5F_ACC_RDWR;
        H5Id id = call(abs, readOnly ? "open file read-only" : "open file for writing", () -> {
            try (CString name = NativeCodec.utf8(abs.toString())) {
                return H5Id.of(H5Id.Kind.FILE, H5Fopen(name, flags, H5P_DEFAULT), "H5Fopen");
            }
        });
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
        if (!fid.isOpen()) {
            throw new H5FileException(path, "file is closed");
        }
        return fid.get();
    }

    /** Writes all buffered data and metadata of this file to the OS (not an fsync). */
    public void flush() {
        run("flush", () -> H5Errors.check(H5Fflush(id(), H5F_SCOPE_GLOBAL), "H5Fflush"));
    }

    /** The attributes of the object (group or dataset) at {@code objectPath}, e.g. "/" or "/tag/results". */
    public Attributes attributes(String objectPath) {
        return new Attributes(this, objectPath);
    }

    /**
     * Closes the file; HDF5 then writes what it still buffers.
     *
     * @throws H5FileException if that fails (a second call does nothing)
     */
    @Override
    public void close() {
        if (fid.isOpen()) {
            run("close", fid::close);
        }
    }

    /** Runs HDF5 work under the global lock, wrapping its failures with this file's name and {@code what}. */
    <T> T call(String what, Supplier<T> action) {
        return call(path, what, action);
    }

    /** As {@link #call(String, Supplier)} for work returning an id, a size or a status. */
    long callLong(String what, LongSupplier action) {
        return call(path, what, action::getAsLong);
    }

    /** As {@link #call(String, Supplier)} for work returning nothing. */
    void run(String what, Runnable action) {
        call(path, what, () -> {
            action.run();
            return null;
        });
    }

    private static <T> T call(Path file, String what, Supplier<T> action) {
        synchronized (H5Library.LOCK) {
            try {
                return action.get();
            } catch (H5Failure e) {
                throw new H5FileException(file, what + ": " + e.getMessage(), e);
            }
        }
    }
}
