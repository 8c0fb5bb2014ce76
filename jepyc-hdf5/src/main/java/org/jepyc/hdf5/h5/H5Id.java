package org.jepyc.hdf5.h5;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToIntFunction;
import org.bytedeco.hdf5.global.hdf5;

/**
 * The owner of one HDF5 identifier: closing it releases the identifier with the call its kind
 * needs, once. Every identifier this package obtains goes straight into an {@code H5Id} and is
 * used in try-with-resources, so it is released on every path, failures included; one that must
 * outlive its scope is passed on with {@link #release()}.
 */
final class H5Id implements AutoCloseable {

    /** What an identifier names, and the call that releases it. */
    enum Kind {
        FILE("H5Fclose", hdf5::H5Fclose),
        GROUP("H5Gclose", hdf5::H5Gclose),
        DATASET("H5Dclose", hdf5::H5Dclose),
        DATATYPE("H5Tclose", hdf5::H5Tclose),
        DATASPACE("H5Sclose", hdf5::H5Sclose),
        ATTRIBUTE("H5Aclose", hdf5::H5Aclose),
        PROPERTY_LIST("H5Pclose", hdf5::H5Pclose),
        /** A group, dataset or named datatype opened through {@code H5Oopen}. */
        OBJECT("H5Oclose", hdf5::H5Oclose);

        private final String closer;
        private final LongToIntFunction close;

        Kind(String closer, LongToIntFunction close) {
            this.closer = closer;
            this.close = close;
        }
    }

    private final Kind kind;
    private long id;

    private H5Id(Kind kind, long id) {
        this.kind = kind;
        this.id = id;
    }

    /**
     * Takes ownership of the identifier {@code call} returned.
     *
     * @throws H5Failure with HDF5's reason if the call failed (a negative id): nothing to own then
     */
    static H5Id of(Kind kind, long id, String call) {
        return new H5Id(kind, H5Errors.check(id, call));
    }

    static H5Id type(long id, String call) {
        return of(Kind.DATATYPE, id, call);
    }

    static H5Id space(long id, String call) {
        return of(Kind.DATASPACE, id, call);
    }

    static H5Id propertyList(long id, String call) {
        return of(Kind.PROPERTY_LIST, id, call);
    }

    /** The identifier, for passing to HDF5. */
    long get() {
        if (id < 0) {
            throw new H5Failure(kind.name().toLowerCase(java.util.Locale.ROOT) + " identifier used after closing");
        }
        return id;
    }

    /** Whether this owner still holds its identifier. */
    boolean isOpen() {
        return id >= 0;
    }

    /**
     * Hands the identifier to a new owner, which the caller must close; this one then closes
     * nothing. Lets a method build an object in try-with-resources and return it only once built.
     */
    H5Id release() {
        H5Id moved = new H5Id(kind, get());
        id = -1;
        return moved;
    }

    /**
     * Releases the identifier (a second call does nothing).
     *
     * @throws H5Failure if HDF5 fails to release it: for a file, its last writes may not have reached the disk
     */
    @Override
    public void close() {
        if (id >= 0) {
            long held = id;
            id = -1;
            synchronized (H5Library.LOCK) {
                H5Errors.check(kind.close.applyAsInt(held), kind.closer);
            }
        }
    }

    /** Owns any number of identifiers, closing them in reverse order of {@link #add}. */
    static final class Several implements AutoCloseable {

        private final List<H5Id> ids = new ArrayList<>();

        /** Adds an owner to close with the others; returns it. */
        H5Id add(H5Id id) {
            ids.add(id);
            return id;
        }

        /** Closes them all, even if some fail; the first failure is thrown, later ones suppressed. */
        @Override
        public void close() {
            RuntimeException first = null;
            for (int k = ids.size() - 1; k >= 0; k--) {
                try {
                    ids.get(k).close();
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            ids.clear();
            if (first != null) {
                throw first;
            }
        }
    }
}
