package org.jepyc.resultset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of one category, by name, kept in sorted name order. Arrays rather than a
 * sorted map so that appending a row walks them without allocating.
 */
final class ColumnGroup {
    private String[] names = new String[0];
    private Column[] columns = new Column[0];
    private final Map<String, Column> byName = new HashMap<>();

    int size() { return names.length; }

    String name(int i) { return names[i]; }

    Column column(int i) { return columns[i]; }

    Column get(String name) { return byName.get(name); }

    List<String> names() { return Collections.unmodifiableList(Arrays.asList(names.clone())); }

    /**
     * @param keys names of a row's values
     * @return true if every name already has a column
     */
    boolean knowsAll(Iterable<String> keys) {
        for (String k : keys) {
            if (!byName.containsKey(k)) {
                return false;
            }
        }
        return true;
    }

    void add(String name, Column column) {
        byName.put(name, column);
        List<String> n = new ArrayList<>(Arrays.asList(names));
        n.add(name);
        Collections.sort(n);
        rebuild(n);
    }

    void remove(String name) {
        byName.remove(name);
        List<String> n = new ArrayList<>(Arrays.asList(names));
        n.remove(name);
        rebuild(n);
    }

    void replace(String name, Column column) {
        byName.put(name, column);
        rebuild(Arrays.asList(names));
    }

    private void rebuild(List<String> sorted) {
        names = sorted.toArray(new String[0]);
        columns = new Column[names.length];
        for (int i = 0; i < names.length; i++) {
            columns[i] = byName.get(names[i]);
        }
    }
}
