package org.jepyc.hdf5.h5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The global heap collections of a file: where each variable-length value (a string, a list) a
 * table refers to lies, and its bytes.
 *
 * <p>Why not jhdf's {@code GlobalHeap}: it keeps a map entry, a boxed index and a buffer per
 * object, five of them per notebook row, which made reopening a million-row notebook spend
 * most of its time allocating. Here a collection is parsed once into one {@code int} array of
 * positions, and values are decoded straight from bytes.
 *
 * <p>Two kinds, as {@link Snapshot} holds the file: {@link #inMemory} decodes from the file's
 * bytes in memory, a value's place packed as its start and length in them (both fit 31 bits,
 * the bytes being one array); {@link #fromCopy} reads each collection a value needs from the
 * file's private copy into an array of its own (a collection is small), a value's place packed
 * as the collection's number and the object's index, and keeps the collections read last up to
 * {@link #CACHED_BYTES}, reading one again if it is needed after that (a copy nobody writes
 * reads the same every time).
 *
 * <p>A collection is the signature {@code GCOL}, version 1, three reserved bytes and the
 * collection's size in bytes (header included, a "length" wide); then objects, each a 2-byte
 * index, a 2-byte reference count, four reserved bytes, its size (a "length" wide) and its data
 * padded to a multiple of eight bytes; object 0 is the free space and ends the list. Every
 * position is checked against the collection and the file: a damaged heap throws
 * {@link IllegalStateException}, never reads outside the bytes.
 */
abstract sealed class GlobalHeaps {
    private static final byte[] SIGNATURE = {'G', 'C', 'O', 'L'};

    /** How many bytes of collections a copied file's heaps keep read. */
    static final long CACHED_BYTES = 64L << 20;

    final long base;
    final int lengthSize;

    private GlobalHeaps(long base, int lengthSize) {
        if (lengthSize != 2 && lengthSize != 4 && lengthSize != 8) {
            throw new IllegalStateException("the superblock gives lengths of " + lengthSize + " bytes");
        }
        this.base = base;
        this.lengthSize = lengthSize;
    }

    /**
     * @param file       the file's bytes
     * @param base       where address 0 lies in them (the user block's size)
     * @param lengthSize the file's "size of lengths" in bytes (from its superblock)
     */
    static GlobalHeaps inMemory(byte[] file, long base, int lengthSize) {
        return new InMemory(file, base, lengthSize);
    }

    /**
     * @param copy        a channel on the file's private copy, owned by the caller
     * @param base        where address 0 lies in it (the user block's size)
     * @param lengthSize  the file's "size of lengths" in bytes (from its superblock)
     * @param cachedBytes how many bytes of collections to keep read ({@link #CACHED_BYTES})
     * @throws IllegalStateException if the copy's size cannot be read
     */
    static GlobalHeaps fromCopy(FileChannel copy, long base, int lengthSize, long cachedBytes) {
        try {
            return new Copied(copy, copy.size(), base, lengthSize, cachedBytes);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the size of the file's copy: " + e, e);
        }
    }

    /**
     * @param address  a collection's address
     * @param fileSize the file's size in bytes
     * @return the collection's offset in the file, checked so that its header lies in the file
     */
    final long start(long address, long fileSize) {
        long at = base + address;
        if (address < 0 || at < 0 || at > fileSize - (8 + lengthSize)) {
            throw new IllegalStateException("the global heap at " + address + " lies outside the file ("
                    + fileSize + " bytes)");
        }
        return at;
    }

    /**
     * @param b        bytes holding the collection's header at {@code headerAt}
     * @param address  the collection's address
     * @param at       its offset in the file ({@link #start})
     * @param fileSize the file's size in bytes
     * @return the size its header gives, checked so that the collection lies whole in the file
     */
    final long size(byte[] b, int headerAt, long address, long at, long fileSize) {
        long size = header(b, headerAt, address);
        if (size > fileSize - at) {
            throw new IllegalStateException("the global heap at " + address + " claims " + size
                    + " bytes, outside the file");
        }
        return size;
    }

    /**
     * Where an object's data lies.
     *
     * @param address the collection's address
     * @param index   the object's index in it
     * @return a non-negative place for the other methods
     * @throws IllegalStateException if the collection is damaged or has no such object
     */
    abstract long locate(long address, int index);

    /**
     * @param located an object as {@link #locate} gives it
     * @return the object's data as a buffer
     */
    abstract ByteBuffer buffer(long located);

    /**
     * @param located   an object as {@link #locate} gives it
     * @param previous  another object as {@link #locate} gives it, or -1
     * @return true if both hold the same bytes
     */
    abstract boolean sameBytes(long located, long previous);

    /**
     * @param located an object as {@link #locate} gives it
     * @return the object's data as UTF-8 text, less the terminating NULs HDF5 stores with a string
     */
    abstract String string(long located);

    /** Decodes from the file's bytes in memory: a place is the data's start (high 32 bits) and length. */
    private static final class InMemory extends GlobalHeaps {
        private final byte[] file;
        /** Per collection address: for object {@code i}, its data's start at {@code 2i} and length at {@code 2i + 1}; -1 if absent. */
        private final Map<Long, int[]> collections = new HashMap<>();
        /** The collection looked up last: consecutive rows' values mostly share one. */
        private long lastAddress = -1;
        private int[] lastObjects;

        InMemory(byte[] file, long base, int lengthSize) {
            super(base, lengthSize);
            this.file = file;
        }

        @Override
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

        @Override
        ByteBuffer buffer(long located) {
            return ByteBuffer.wrap(file, (int) (located >>> 32), (int) located).slice();
        }

        @Override
        boolean sameBytes(long located, long previous) {
            if (previous < 0) {
                return false;
            }
            int a = (int) (located >>> 32);
            int b = (int) (previous >>> 32);
            return Arrays.equals(file, a, a + (int) located, file, b, b + (int) previous);
        }

        @Override
        String string(long located) {
            return text(file, (int) (located >>> 32), (int) located);
        }

        private int[] parse(long address) {
            long at = start(address, file.length);
            long size = size(file, (int) at, address, at, file.length);
            return objects(file, (int) at, (int) (at + size), address);
        }
    }

    /**
     * Reads collections from the file's private copy: a place is the collection's number (high
     * 32 bits) and the object's index.
     */
    private static final class Copied extends GlobalHeaps {
        private final FileChannel copy;
        /** The copy's size: nobody writes it. */
        private final long fileSize;
        private final long cacheLimit;
        /** Collection numbers by address. */
        private final Map<Long, Integer> numbers = new HashMap<>();
        /** By collection number: its address, and its objects' starts and lengths in its bytes as {@link InMemory} keeps them. */
        private long[] addresses = new long[64];
        private int[][] objects = new int[64][];
        private int count;
        /** Collections' bytes by number, those used last, up to {@link #cacheLimit} bytes. */
        private final LinkedHashMap<Integer, byte[]> cached = new LinkedHashMap<>(64, 0.75f, true);
        private long cachedBytes;
        /** The collection looked up last: consecutive rows' values mostly share one. */
        private long lastAddress = -1;
        private int lastNumber;
        private byte[] lastBytes;
        private int lastBytesNumber = -1;

        Copied(FileChannel copy, long fileSize, long base, int lengthSize, long cacheLimit) {
            super(base, lengthSize);
            this.copy = copy;
            this.fileSize = fileSize;
            this.cacheLimit = cacheLimit;
        }

        @Override
        long locate(long address, int index) {
            int number;
            if (address == lastAddress) {
                number = lastNumber;
            } else {
                Integer n = numbers.get(address);
                number = n == null ? add(address) : n;
                lastAddress = address;
                lastNumber = number;
            }
            int[] o = objects[number];
            if (index < 1 || 2 * index + 1 >= o.length || o[2 * index] < 0) {
                throw new IllegalStateException("the global heap at " + address + " has no object " + index);
            }
            return ((long) number << 32) | index;
        }

        @Override
        ByteBuffer buffer(long located) {
            int number = (int) (located >>> 32);
            int i = (int) located;
            int[] o = objects[number];
            return ByteBuffer.wrap(bytes(number), o[2 * i], o[2 * i + 1]).slice();
        }

        @Override
        boolean sameBytes(long located, long previous) {
            if (previous < 0) {
                return false;
            }
            int na = (int) (located >>> 32);
            int nb = (int) (previous >>> 32);
            int ia = (int) located;
            int ib = (int) previous;
            int[] oa = objects[na];
            int[] ob = objects[nb];
            byte[] a = bytes(na);
            byte[] b = na == nb ? a : bytes(nb);
            return Arrays.equals(a, oa[2 * ia], oa[2 * ia] + oa[2 * ia + 1], b, ob[2 * ib], ob[2 * ib] + ob[2 * ib + 1]);
        }

        @Override
        String string(long located) {
            int number = (int) (located >>> 32);
            int i = (int) located;
            int[] o = objects[number];
            return text(bytes(number), o[2 * i], o[2 * i + 1]);
        }

        /** Reads and parses a collection not seen before; returns its number. */
        private int add(long address) {
            byte[] b = read(address);
            int[] o = objects(b, 0, b.length, address);
            if (count == objects.length) {
                objects = Arrays.copyOf(objects, 2 * count);
                addresses = Arrays.copyOf(addresses, 2 * count);
            }
            int number = count++;
            objects[number] = o;
            addresses[number] = address;
            numbers.put(address, number);
            keep(number, b);
            return number;
        }

        /** A collection's bytes: kept, or read again. */
        private byte[] bytes(int number) {
            if (number == lastBytesNumber) {
                return lastBytes;
            }
            byte[] b = cached.get(number);
            if (b == null) {
                b = read(addresses[number]);
                keep(number, b);
            }
            lastBytesNumber = number;
            lastBytes = b;
            return b;
        }

        private void keep(int number, byte[] b) {
            cached.put(number, b);
            cachedBytes += b.length;
            var it = cached.entrySet().iterator();
            while (cachedBytes > cacheLimit && cached.size() > 2) {
                byte[] dropped = it.next().getValue();
                it.remove();
                cachedBytes -= dropped.length;
            }
        }

        /** A whole collection, from its header's size, checked against the copy. */
        private byte[] read(long address) {
            try {
                long at = start(address, fileSize);
                long size = size(readAt(at, 8 + lengthSize), 0, address, at, fileSize);
                if (size > Snapshot.IN_MEMORY_LIMIT) {
                    throw new IllegalStateException("the global heap at " + address + " claims " + size
                            + " bytes, more than one array holds");
                }
                return readAt(at, (int) size);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the global heap at " + address + ": " + e, e);
            }
        }

        private byte[] readAt(long at, int n) throws IOException {
            ByteBuffer buf = ByteBuffer.allocate(n);
            if (!Snapshot.readFully(copy, buf, at, n)) {
                throw new IllegalStateException("the file ends inside the global heap at " + (at - base));
            }
            return buf.array();
        }
    }

    /** UTF-8 text of {@code len} bytes at {@code start}, less trailing NULs. */
    private static String text(byte[] b, int start, int len) {
        while (len > 0 && b[start + len - 1] == 0) {
            len--;
        }
        return new String(b, start, len, StandardCharsets.UTF_8);
    }

    /**
     * Checks a collection's header at {@code at} (its {@code 8 + lengthSize} bytes lie in
     * {@code b}) and returns the collection's size, at least its header's.
     */
    long header(byte[] b, int at, long address) {
        if (!Arrays.equals(b, at, at + 4, SIGNATURE, 0, 4)) {
            throw new IllegalStateException("no global heap at " + address + " (signature GCOL missing)");
        }
        if (b[at + 4] != 1) {
            throw new IllegalStateException("the global heap at " + address + " is of version " + b[at + 4]
                    + ", not 1");
        }
        long size = length(b, at + 8);
        if (size < 8 + lengthSize) {
            throw new IllegalStateException("the global heap at " + address + " claims " + size
                    + " bytes, less than its header");
        }
        return size;
    }

    /** The objects of the collection at {@code [at, end)} of {@code b}, their starts in {@code b}. */
    int[] objects(byte[] b, int at, int end, long address) {
        int[] objects = new int[32];
        Arrays.fill(objects, -1);
        int p = at + 8 + lengthSize;
        int header = 8 + lengthSize;
        while (end - p >= header) {
            int index = (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
            if (index == 0) {
                break;   // the free space: no objects after it
            }
            long len = length(b, p + 8);
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

    /** An unsigned little-endian "length"; above 2^63 it reads as negative, which callers refuse. */
    private long length(byte[] b, int at) {
        long v = 0;
        for (int k = lengthSize - 1; k >= 0; k--) {
            v = (v << 8) | (b[at + k] & 0xff);
        }
        return v;
    }
}
