package org.jepyc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.jepyc.resultset.Values;

/**
 * A lab's parameter space: each parameter's name and its range of values, in the order set.
 * Values are normalised as they come in (integers become {@code Long}, floats {@code Double}),
 * so what an experiment sees is what the notebook gives back.
 */
final class ParameterSpace {
    private final Map<String, List<Object>> ranges = new LinkedHashMap<>();

    /**
     * @param name  the parameter name, not blank
     * @param range a scalar or string (one value), or an iterable, array, stream, iterator or map
     *              (its keys) giving the values
     */
    void put(String name, Object range) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A parameter name must be a non-blank string, got "
                    + (name == null ? "null" : "'" + name + "'"));
        }
        if (range == null) {
            throw new IllegalArgumentException("The range of parameter " + name
                    + " is null: give a value, a collection, an array or a stream");
        }
        List<Object> values = new ArrayList<>();
        Iterator<?> it = range instanceof CharSequence ? null : Values.iterate(range);
        if (it == null) {
            values.add(value(name, range));
        } else {
            while (it.hasNext()) {
                values.add(value(name, it.next()));
            }
        }
        ranges.put(name, values);
    }

    private static Object value(String name, Object v) {
        if (v == null) {
            throw new IllegalArgumentException("The range of parameter " + name + " contains null");
        }
        Object n = Values.normaliseOrNull(v);
        return n == null ? v : n;
    }

    /**
     * @param name a parameter name
     * @return a copy of its values
     * @throws NoSuchElementException if it is not set
     */
    List<Object> get(String name) {
        List<Object> r = ranges.get(name);
        if (r == null) {
            throw new NoSuchElementException("No parameter " + name + " (parameters: " + ranges.keySet() + ")");
        }
        return List.copyOf(r);
    }

    boolean contains(String name) { return ranges.containsKey(name); }

    void delete(String name) { ranges.remove(name); }

    void clear() { ranges.clear(); }

    /** @return the names, in the order set (a copy) */
    List<String> names() { return new ArrayList<>(ranges.keySet()); }

    /** @return name to values, for a design to read */
    Map<String, List<Object>> ranges() { return Collections.unmodifiableMap(ranges); }
}
