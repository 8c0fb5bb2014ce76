package org.jepyc.campaign;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jepyc.resultset.ComplexValue;
import org.jepyc.resultset.Values;

/**
 * A stable 64-bit identity of a point in parameter space: the same names and values give the
 * same hash in every JVM, run and process, whatever the map's order. Values are hashed in their
 * canonical form (an {@code Integer} 5 and a {@code Long} 5 are the same point; 5 and 5.0 are
 * not, as the notebook keeps them apart too).
 */
public final class PointHash {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private PointHash() { }

    /**
     * @param parameters a point
     * @return its hash over every name
     */
    public static long of(Map<String, ?> parameters) {
        return of(parameters, parameters.keySet());
    }

    /**
     * @param parameters a point (may hold more names)
     * @param names      the names that identify it
     * @return its hash over those names
     */
    public static long of(Map<String, ?> parameters, Collection<String> names) {
        return over(names).of(parameters);
    }

    /**
     * @param names the names that identify points
     * @return a hasher over those names, for hashing many points (the names are sorted once)
     */
    public static Hasher over(Collection<String> names) {
        String[] sorted = names.toArray(new String[0]);
        Arrays.sort(sorted);
        return new Hasher(sorted);
    }

    /** Hashes points over a fixed set of names. */
    public static final class Hasher {
        private final String[] names;

        private Hasher(String[] sortedNames) {
            this.names = sortedNames;
        }

        /**
         * @param parameters a point (may hold more names)
         * @return its hash over this hasher's names
         */
        public long of(Map<String, ?> parameters) {
            long h = FNV_OFFSET;
            for (String name : names) {
                h = text(h, name);
                h = value(h, Values.normaliseOrNull(parameters.get(name)));
            }
            return Seeds.mix(h);
        }
    }

    private static long value(long h, Object v) {
        if (v == null) {
            return step(h, 0);
        }
        if (v instanceof Long l) {
            return step(step(h, 1), l);
        }
        if (v instanceof Double d) {
            return step(step(h, 2), Double.doubleToLongBits(d == 0.0 ? 0.0 : d));
        }
        if (v instanceof Boolean b) {
            return step(h, b ? 3 : 4);
        }
        if (v instanceof String s) {
            return text(step(h, 5), s);
        }
        if (v instanceof ComplexValue c) {
            return step(step(step(h, 6), Double.doubleToLongBits(c.re())), Double.doubleToLongBits(c.im()));
        }
        if (v instanceof List<?> l) {
            h = step(step(h, 7), l.size());
            for (Object e : l) {
                h = value(h, e);
            }
            return h;
        }
        return text(step(h, 8), v.toString());
    }

    private static long text(long h, String s) {
        h = step(h, s.length());
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    private static long step(long h, long v) {
        return (h ^ v) * FNV_PRIME;
    }

    /**
     * @param hash a point hash
     * @return its text form, 16 hex digits (as recorded in metadata)
     */
    public static String hex(long hash) {
        String s = Long.toHexString(hash);
        return "0".repeat(16 - s.length()) + s;
    }
}
