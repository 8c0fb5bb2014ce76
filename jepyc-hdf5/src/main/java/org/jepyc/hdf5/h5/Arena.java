package org.jepyc.hdf5.h5;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;

/**
 * A bump allocator of native memory for the strings and sequences of one HDF5 write: values are
 * packed into a few large blocks, freed together once HDF5 has copied them.
 *
 * <p>Why: allocating a native block per string (a {@link BytePointer} each) cost most of the time
 * of writing a million rows, JavaCPP checking the process's physical memory on every allocation.
 * Pointers into a block are written into the row buffer as raw addresses ({@link #address}),
 * not as {@link org.bytedeco.javacpp.Pointer} objects, whose position an address would ignore.
 */
final class Arena implements AutoCloseable {

    private static final long BLOCK_BYTES = 1 << 20;

    private final List<BytePointer> blocks = new ArrayList<>();
    private BytePointer block;
    private ByteBuffer view;
    private long used;
    private long capacity;

    /**
     * Reserves {@code n} bytes aligned to 8 and makes the block holding them current.
     *
     * @return the offset of the bytes in {@link #buffer()}
     */
    int reserve(long n) {
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a single value of " + n + " bytes is too large to write");
        }
        long at = (used + 7) & ~7L;
        if (block == null || at + n > capacity) {
            capacity = Math.max(BLOCK_BYTES, n);
            block = new BytePointer(capacity);
            blocks.add(block);
            view = block.asByteBuffer().order(ByteOrder.nativeOrder());
            at = 0;
        }
        used = at + n;
        return (int) at;
    }

    /** The block of the last {@link #reserve}, as a buffer in native byte order. */
    ByteBuffer buffer() {
        return view;
    }

    /** The native address of byte {@code offset} of the current block. */
    long address(long offset) {
        return block.address() + offset;
    }

    @Override
    public void close() {
        blocks.forEach(BytePointer::close);
        blocks.clear();
        block = null;
        view = null;
    }
}
