package org.jepyc.storage;

import java.util.ArrayList;
import java.util.List;

import org.jepyc.resultset.ColumnRef;

/**
 * The first {@code count} rows of a result set's table, as typed columns in canonical order.
 *
 * <p>The view cannot change: a table only ever appends to its columns, and a column it retypes
 * (integers widened to floats) is replaced by a new one, so rows below {@code count} of the
 * columns held here stay as they were when the view was taken. Two views are equal when they
 * hold the same column objects and the same count: the same rows.
 *
 * @param columns the columns, in canonical order (metadata, parameters, results, each sorted)
 * @param count   the number of rows in the view
 */
public record Rows(List<ColumnRef> columns, int count) {
    /** Copies the list of columns. */
    public Rows {
        columns = List.copyOf(columns);
        if (count < 0) {
            throw new IllegalArgumentException("negative row count " + count);
        }
    }

    /** @return the columns' categories, names and types, in order */
    public List<ColumnSpec> schema() {
        List<ColumnSpec> out = new ArrayList<>(columns.size());
        for (ColumnRef c : columns) {
            out.add(new ColumnSpec(c.category(), c.name(), c.type()));
        }
        return out;
    }
}
