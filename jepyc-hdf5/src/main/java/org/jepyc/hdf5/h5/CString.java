package org.jepyc.hdf5.h5;

import java.nio.charset.StandardCharsets;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A name or path as HDF5 takes it: NUL-terminated UTF-8 in native memory, freed by {@link #close()}
 * (use it in try-with-resources).
 *
 * <p>Why not pass the Java string: JavaCPP encodes a string argument in the platform's default
 * charset, which need not be UTF-8. Why plain malloc/free rather than {@code new BytePointer(s, UTF_8)}:
 * JavaCPP's own allocation registers a deallocator and checks the process's memory use every time,
 * about ten times the cost of the copy, and a commit passes HDF5 a hundred names or so.
 */
final class CString extends BytePointer {

    private CString(Pointer memory) {
        super(memory);
    }

    /** Copies {@code s} into native memory as NUL-terminated UTF-8. */
    static CString of(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        Pointer memory = Pointer.malloc(utf8.length + 1L);
        if (memory == null || memory.isNull()) {
            throw new OutOfMemoryError("cannot allocate " + (utf8.length + 1) + " native bytes for an HDF5 name");
        }
        CString c = new CString(memory);
        c.put(utf8, 0, utf8.length).put(utf8.length, (byte) 0);
        return c;
    }

    /** Frees the native copy (a second call does nothing). */
    @Override
    public void close() {
        if (!isNull()) {
            Pointer.free(this);
            setNull();
        }
    }
}
