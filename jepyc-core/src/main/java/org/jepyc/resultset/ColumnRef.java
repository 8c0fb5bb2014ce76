package org.jepyc.resultset;

/**
 * A column with its category and name, as storage formats and data frames walk them.
 *
 * @param category metadata, parameters or results
 * @param name     the column name
 * @param column   the values
 */
public record ColumnRef(Category category, String name, Column column) {
    /** @return the column type */
    public ValueType type() { return column.type(); }
}
