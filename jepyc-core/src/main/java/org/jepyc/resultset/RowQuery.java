package org.jepyc.resultset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A partial point in parameter space used as a filter (epyc's {@code dataframeFor} and
 * {@code pendingResultsFor}): every named parameter must match; a collection or array value
 * means "any of these", compared with the named column only (epyc compared every column); a
 * string is one value.
 */
public final class RowQuery {
    private final String[] names;
    private final Object[][] accepted;

    private RowQuery(String[] names, Object[][] accepted) {
        this.names = names;
        this.accepted = accepted;
    }

    /**
     * @param parameters parameter name to a value or a collection of values
     * @return the query
     */
    public static RowQuery of(Map<String, ?> parameters) {
        String[] names = new String[parameters.size()];
        Object[][] accepted = new Object[names.length][];
        int i = 0;
        for (Map.Entry<String, ?> e : parameters.entrySet()) {
            names[i] = e.getKey();
            accepted[i] = alternatives(e.getKey(), e.getValue());
            i++;
        }
        return new RowQuery(names, accepted);
    }

    private static Object[] alternatives(String name, Object value) {
        Object canonical = Values.normaliseOrNull(value);
        if (canonical instanceof String || !(value instanceof Collection<?> || value instanceof Iterable<?>
                || (value != null && value.getClass().isArray()))) {
            return new Object[] {Values.normalise(name, value)};
        }
        List<Object> out = new ArrayList<>();
        Iterator<?> it = Values.iterate(value);
        while (it.hasNext()) {
            out.add(Values.normalise(name, it.next()));
        }
        return out.toArray();
    }

    /** @return the parameter names the query constrains */
    public List<String> names() { return Arrays.asList(names); }

    /**
     * @param table the rows to search
     * @return indices of the rows whose parameters match
     */
    public int[] select(ResultTable table) {
        Column[] columns = new Column[names.length];
        for (int j = 0; j < names.length; j++) {
            columns[j] = table.column(Category.PARAMETERS, names[j]);
        }
        return filter(table.rows(), row -> {
            for (int j = 0; j < columns.length; j++) {
                if (!anyMatch(columns[j], row, accepted[j])) {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * @param parameters one pending job's parameters
     * @return true if they match
     */
    public boolean matches(Map<String, Object> parameters) {
        for (int j = 0; j < names.length; j++) {
            Object v = parameters.get(names[j]);
            boolean any = false;
            for (Object a : accepted[j]) {
                any |= equal(v, a);
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatch(Column c, int row, Object[] alternatives) {
        for (Object a : alternatives) {
            if (c.matches(row, a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equal(Object v, Object a) {
        if (v instanceof Number x && a instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return a.equals(v);
    }

    /**
     * @param rows how many rows
     * @param keep which to keep
     * @return the kept indices in order
     */
    public static int[] filter(int rows, IntPredicate keep) {
        int[] out = new int[rows];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (keep.test(i)) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
