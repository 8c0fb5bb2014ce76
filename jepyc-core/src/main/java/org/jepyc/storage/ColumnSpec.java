package org.jepyc.storage;

import java.util.Objects;

import org.jepyc.resultset.Category;
import org.jepyc.resultset.ValueType;

/**
 * One column of a result set's schema: what a file must declare for it. Two schemas are the
 * same when they list the same columns, in the same order, with the same types.
 *
 * @param category metadata, parameters or results
 * @param name     the column name
 * @param type     the column type
 */
public record ColumnSpec(Category category, String name, ValueType type) {
    /** Checks that nothing is missing. */
    public ColumnSpec {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
