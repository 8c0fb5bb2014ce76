package org.jepyc.resultset;

import java.util.Objects;

/**
 * Many rows of one column at once, as a storage format reads them: what
 * {@link ResultTable#appendColumns} takes to load a stored table without building a results
 * dict per row.
 *
 * @param category metadata, parameters or results
 * @param name     the column name
 * @param type     the column type
 * @param values   the values, an array of at least the number of rows appended: {@code long[]}
 *                 for INT, {@code double[]} for FLOAT, {@code boolean[]} for BOOL,
 *                 {@code String[]} for STRING, {@code String[]} (ISO text, or "" when there is
 *                 none) or {@code Object[]} of {@code LocalDateTime}/{@code String} for
 *                 TIMESTAMP, {@code Object[]} of {@link org.jepyc.Complex} for COMPLEX and of
 *                 canonical {@code List}s for LIST
 */
public record ColumnValues(Category category, String name, ValueType type, Object values) {
    /** Checks that nothing is missing. */
    public ColumnValues {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(values, "values");
    }

    /** @return the number of values held */
    public int length() {
        return java.lang.reflect.Array.getLength(values);
    }
}
