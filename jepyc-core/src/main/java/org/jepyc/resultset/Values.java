package org.jepyc.resultset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.BaseStream;

/**
 * Turns whatever an experiment returned into the canonical values a result set stores:
 * {@code Long}, {@code Double}, {@code Boolean}, {@code String}, {@code LocalDateTime},
 * {@link ComplexValue}s, and unmodifiable {@code List}s of these. Exceptions become their message
 * (as epyc persists them). Everything else is refused, naming the value (as epyc refuses a value it
 * has no type mapping for).
 */
public final class Values {

    private Values() { }

    /**
     * @param name  the parameter, metadata or result name, for the error message
     * @param value the value to store
     * @return the canonical form of the value
     * @throws UnstorableValueException if the value has no column type
     */
    public static Object normalise(String name, Object value) {
        Object v = normaliseOrNull(value);
        if (v == null) {
            throw unsupported(name, value);
        }
        return v;
    }

    /**
     * @param name  the name the value came under
     * @param value the offending value
     * @return the exception to throw for it
     */
    public static UnstorableValueException unsupported(String name, Object value) {
        String type = value == null ? "null" : value.getClass().getName();
        return new UnstorableValueException("No type mapping for " + name + "=" + value + " (type " + type
                + "): store integers, floating point numbers, booleans, strings, date-times, "
                + "org.jepyc.Complex, or lists/arrays of these");
    }

    /**
     * @param value any value
     * @return its canonical form, or null if it has none
     */
    public static Object normaliseOrNull(Object value) {
        if (value == null) {
            return null;   // no column type: callers report it as "No type mapping ... =null"
        }
        if (value instanceof Long || value instanceof Double || value instanceof Boolean
                || value instanceof String || value instanceof LocalDateTime || value instanceof ComplexValue) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigInteger b) {
            return b.bitLength() < 64 ? b.longValue() : null;
        }
        if (value instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (value instanceof java.util.concurrent.atomic.AtomicLong
                || value instanceof java.util.concurrent.atomic.AtomicInteger) {
            return ((Number) value).longValue();
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        if (value instanceof CharSequence s) {
            return s.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Throwable t) {
            return message(t);
        }
        if (value instanceof List<?> || value instanceof Set<?> || value.getClass().isArray()) {
            return listOrNull(value);
        }
        return null;
    }

    /**
     * What epyc's {@code str(exception)} gives: the message, or "" when there is none.
     *
     * @param t an exception
     * @return its message text
     */
    public static String message(Throwable t) {
        String m = t.getMessage();
        return m == null ? "" : m;
    }

    private static List<Object> listOrNull(Object value) {
        List<Object> out = new ArrayList<>();
        Iterator<?> it = iterate(value);
        while (it.hasNext()) {
            Object e = it.next();
            Object n = e == null ? null : normaliseOrNull(e);
            if (n == null || n instanceof List<?>) {
                return null;   // nested lists and nulls have no column type (1-D only, as epyc)
            }
            out.add(n);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Iterates arrays (primitive or not), iterables, iterators, streams and maps (their keys,
     * as Python iterates a dict).
     *
     * @param value an iterable value
     * @return an iterator over its elements, or null if it is not iterable
     */
    public static Iterator<?> iterate(Object value) {
        if (value instanceof Iterable<?> i) return i.iterator();
        if (value instanceof Map<?, ?> m) return m.keySet().iterator();
        if (value instanceof Iterator<?> i) return i;
        if (value instanceof BaseStream<?, ?> s) return s.iterator();
        if (value != null && value.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(value);
            List<Object> l = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                l.add(java.lang.reflect.Array.get(value, i));
            }
            return l.iterator();
        }
        return null;
    }
}
