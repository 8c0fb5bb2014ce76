package org.jepyc.hdf5.h5;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The global heap collections of a file held in memory: where each variable-length value (a
 * string, a list) a table refers to lies in the file's bytes.
 *
 * <p>Why not jhdf's {@code GlobalHeap}: it keeps a map entry, a boxed index and a buffer per
 * object, five of them per notebook row, which made reopening a million-row notebook spend
 * most of its time allocating. Here a collection is parsed once into one {@code int} array of
 * positions, and values are decoded straight from the file's bytes.
 *
 * <p>A collection is the signature {@code GCOL}, version 1, three reserved bytes and the
 * collection's size in bytes (header included, a "length" wide); then objects, each a 2-byte
 * index, a 2-byte reference count, four reserved bytes, its size (a "length" wide) and its data
 * padded to a multiple of eight bytes; object 0 is the free space and ends the list. Every
 * position is checked against the collection and the file: a damaged heap throws
 * {@link IllegalStateException}, never reads outside the bytes.
 */
final class GlobalHeaps {
    private static final byte[] SIGNATURE = {'G', 'C', 'O', 'L'};

    private final byte[] file;
    private final long base;
    private final int lengthSize;
    /** Per collection address: for object {@code i}, its data's start at {@code 2i} and length at {@code 2i + 1}; -1 if absent. */
    private final Map<Long, int[]> collections = new HashMap<>();
    /** The collection looked up last: consecutive rows' values mostly share one. */
    private long lastAddress = -1;
    private int[] lastObjects;

    /**
     * @param file       the file's bytes
     * @param base       where address 0 lies in them (the user block's size)
     * @param lengthSize the file's "size of lengths" in bytes (from its superblock)
     */
    GlobalHeaps(byte[] file, long base, int lengthSize) {
        if (lengthSize != 2 && lengthSize != 4 && lengthSize != 8) {
            throw new IllegalStateException("the superblock gives lengths of " + lengthSize + " bytes");
        }
        this.file = file;
        this.base = base;
        this.lengthSize = lengthSize;
    }

    /**
     * Where an object's data lies in the file's bytes.
     *
     * @param address the collection's address
     * @param index   the object's index in it
     * @return the data's start in the high 32 bits and its length in the low 32 bits
     * @throws IllegalStateException if the collection is damaged or has no such object
     */
    long locate(long address, int index) {
        int[] objects = address == lastAddress ? lastObjects : collections.get(address);
        if (objects == null) {
            objects = parse(address);
            collections.put(address, objects);
        }
        lastAddress = address;
        lastObjects = objects;
        if (index < 1 || 2 * index + 1 >= objects.length || objects[2 * index] < 0) {
            throw new IllegalStateException("the global heap at " + address + " has no object " + index);
        }
        return ((long) objects[2 * index] << 32) | objects[2 * index + 1];
    }

    /**
     * @param located an object as {@link #locate} gives it
     * @return the object's data as a buffer over the file's bytes
     */
    ByteBuffer buffer(long located) {
        return ByteBuffer.wrap(file, (int) (located >>> 32), (int) located).slice();
    }

    /**
     * @param located   an object as {@link #locate} gives it
     * @param previous  another object as {@link #locate} gives it, or -1
     * @return true if both hold the same bytes
     */
    boolean sameBytes(long located, long previous) {
        if (previous < 0) {
            return false;
        }
        int a = (int) (located >>> 32);
        int b = (int) (previous >>> 32);
        return Arrays.equals(file, a, a + (int) located, file, b, b + (int) previous);
    }

    /**
     * @param located an object as {@link #locate} gives it
     * @return the object's data as UTF-8 text, less the terminating NULs HDF5 stores with a string
     */
    String string(long located) {
        int start = (int) (located >>> 32);
        int len = (int) located;
        while (len > 0 && file[start + len - 1] == 0) {
            len--;
        }
        return new String(file, start, len, StandardCharsets.UTF_8);
    }

    private int[] parse(long address) {
        int at = position(address, 8 + lengthSize, "the global heap");
        if (!Arrays.equals(file, at, at + 4, SIGNATURE, 0, 4)) {
            throw new IllegalStateException("no global heap at " + address + " (signature GCOL missing)");
        }
        if (file[at + 4] != 1) {
            throw new IllegalStateException("the global heap at " + address + " is of version " + file[at + 4]
                    + ", not 1");
        }
        long size = length(at + 8);
        if (size < 8 + lengthSize || size > file.length - (long) at) {
            throw new IllegalStateException("the global heap at " + address + " claims " + size
                    + " bytes, outside the file");
        }
        int end = at + (int) size;
        int[] objects = new int[32];
        Arrays.fill(objects, -1);
        int p = at + 8 + lengthSize;
        int header = 8 + lengthSize;
        while (end - p >= header) {
            int index = (file[p] & 0xff) | (file[p + 1] & 0xff) << 8;
            if (index == 0) {
                break;   // the free space: no objects after it
            }
            long len = length(p + 8);
            int data = p + header;
            if (len < 0 || len > end - data) {
                throw new IllegalStateException("object " + index + " of the global heap at " + address
                        + " claims " + len + " bytes, past the collection's end");
            }
            if (2 * index + 1 >= objects.length) {
                int old = objects.length;
                objects = Arrays.copyOf(objects, Math.max(2 * old, 2 * index + 2));
                Arrays.fill(objects, old, objects.length, -1);
            }
            objects[2 * index] = data;
            objects[2 * index + 1] = (int) len;
            long next = data + ((len + 7) & ~7L);
            if (next > end) {
                break;   // the last object's padding may run to the collection's end
            }
            p = (int) next;
        }
        return objects;
    }

    private int position(long address, int need, String what) {
        long at = base + address;
        if (address < 0 || at < 0 || at > file.length - (long) need) {
            throw new IllegalStateException(what + " at " + address + " lies outside the file (" + file.length
                    + " bytes)");
        }
        return (int) at;
    }

    /** An unsigned little-endian "length"; above 2^63 it reads as negative, which callers refuse. */
    private long length(int at) {
        long v = 0;
        for (int k = lengthSize - 1; k >= 0; k--) {
            v = (v << 8) | (file[at + k] & 0xff);
        }
        return v;
    }
}
