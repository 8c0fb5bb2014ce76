package org.jepyc.hdf5.h5;

import static org.bytedeco.hdf5.global.hdf5.H5P_DEFAULT;
import static org.bytedeco.hdf5.global.hdf5.H5Screate_simple;
import static org.bytedeco.hdf5.global.hdf5.H5Treclaim;

import org.bytedeco.javacpp.BytePointer;

/**
 * A zeroed native buffer that HDF5 reads {@code elements} values of a memory type into. Reading
 * strings or sequences makes HDF5 allocate them and store their pointers in the buffer, so closing
 * first hands those back ({@code H5Treclaim}, which finds them through the memory type) and then
 * frees the buffer itself: used in try-with-resources, a read that fails half-way, having
 * allocated some of them, leaks nothing. The memory type must still be open when this closes.
 */
final class ReadBuffer implements AutoCloseable {

    /** The buffer to read into and decode from. */
    final BytePointer bytes;

    private final long memType;
    private final long elements;
    private final boolean variableLength;

    /**
     * @param memType        the memory type read into the buffer (not owned)
     * @param elements       how many values of it
     * @param elementBytes   the size of one value
     * @param variableLength whether the type holds strings or sequences HDF5 allocates
     */
    ReadBuffer(long memType, long elements, long elementBytes, boolean variableLength) {
        this.bytes = new BytePointer(Math.max(1, elements * elementBytes));
        this.bytes.fill(0);   // pointers HDF5 never sets stay NULL, which reclaiming skips
        this.memType = memType;
        this.elements = elements;
        this.variableLength = variableLength;
    }

    /** Frees what HDF5 allocated into the buffer, then the buffer (even if the first fails). */
    @Override
    public void close() {
        try (BytePointer buffer = bytes) {
            if (variableLength && elements > 0) {
                synchronized (H5Library.LOCK) {
                    try (H5Id space = H5Id.space(H5Screate_simple(1, new long[] {elements}, (long[]) null),
                            "H5Screate_simple")) {
                        H5Errors.check(H5Treclaim(memType, space.get(), H5P_DEFAULT, buffer), "H5Treclaim");
                    }
                }
            }
        }
    }
}
