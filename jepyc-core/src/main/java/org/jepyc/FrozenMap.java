package org.jepyc;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable copy of a small map that keeps its order, held as one array of keys and
 * values. A run makes a results dict of three small maps for every point, so the copy must cost
 * little: one array instead of a hash table and an entry object per key. Lookups scan the keys,
 * which beats hashing for the few keys of a point; above {@link #SMALL} keys the copy is an
 * unmodifiable {@code LinkedHashMap} instead. Null values are kept, as a {@code LinkedHashMap}
 * keeps them.
 */
final class FrozenMap extends AbstractMap<String, Object> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The most keys held in the array form. */
    static final int SMALL = 16;

    /** Keys at even indices, each followed by its value. */
    private final Object[] entries;

    private FrozenMap(Object[] entries) {
        this.entries = entries;
    }

    /**
     * @param m a map, or null
     * @return an unmodifiable copy in m's iteration order (m itself if it is already one)
     */
    static Map<String, Object> copyOf(Map<String, ?> m) {
        if (m == null || m.isEmpty()) {
            return Map.of();
        }
        if (m instanceof FrozenMap f) {
            return f;
        }
        if (m.size() > SMALL) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(m));
        }
        Object[] entries = new Object[2 * m.size()];
        int i = 0;
        for (Map.Entry<String, ?> e : m.entrySet()) {
            entries[i++] = e.getKey();
            entries[i++] = e.getValue();
        }
        return new FrozenMap(entries);
    }

    /**
     * @param entries keys (distinct strings) at even indices, each followed by its value; taken, not copied
     * @return the map
     */
    static Map<String, Object> ofEntries(Object[] entries) {
        return entries.length == 0 ? Map.of() : new FrozenMap(entries);
    }

    private int indexOf(Object key) {
        for (int i = 0; i < entries.length; i += 2) {
            // interned names (the metadata keys) usually match by identity
            if (entries[i] == key || Objects.equals(entries[i], key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return entries.length / 2;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : entries[i + 1];
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < entries.length; i += 2) {
            action.accept((String) entries[i], entries[i + 1]);
        }
    }

    /** The keys, iterated without making an entry per key (tables check a row's names per row). */
    @Override
    public Set<String> keySet() {
        return new View<>() {
            @Override
            public boolean contains(Object key) {
                return indexOf(key) >= 0;
            }

            @Override
            String at(int i) {
                return (String) entries[i];
            }
        };
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new View<>() {
            @Override
            Map.Entry<String, Object> at(int i) {
                return new SimpleImmutableEntry<>((String) entries[i], entries[i + 1]);
            }
        };
    }

    /** An unmodifiable set with an element per key, made by {@link #at} from the key's index in {@code entries}. */
    private abstract class View<T> extends AbstractSet<T> {
        abstract T at(int i);

        @Override
        public int size() {
            return entries.length / 2;
        }

        @Override
        public Iterator<T> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < entries.length;
                }

                @Override
                public T next() {
                    if (next >= entries.length) {
                        throw new NoSuchElementException();
                    }
                    T t = at(next);
                    next += 2;
                    return t;
                }
            };
        }
    }
}
