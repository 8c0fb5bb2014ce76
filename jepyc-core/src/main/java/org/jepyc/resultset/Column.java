package org.jepyc.resultset;

import org.dflib.Series;

/**
 * One typed, growable column of a result set. Values arrive canonical (see {@link Values}),
 * or at least of a Java type that converts to this column's type without loss; anything else
 * is refused by {@link #accepts} so the caller can report it before the row is half written.
 */
public abstract class Column {

    /** Rows held. */
    protected int size;

    /** @return the column type */
    public abstract ValueType type();

    /** @return the number of rows */
    public final int size() { return size; }

    /**
     * @param value a non-null value
     * @return true if {@link #append} can store it
     */
    public abstract boolean accepts(Object value);

    /** @param value a value {@link #accepts} allowed */
    public abstract void append(Object value);

    /** Appends the zero of the column type. */
    public abstract void appendZero();

    /**
     * @param row a row index
     * @return the canonical value at that row
     */
    public abstract Object get(int row);

    /** @param newSize the number of rows to keep (used to undo a partly appended row) */
    public void truncate(int newSize) {
        size = Math.min(size, newSize);
    }

    /**
     * @param rows the rows to take, in order, or null for all
     * @return a detached series of those rows
     */
    public abstract Series<?> toSeries(int[] rows);

    /**
     * @param row   a row index
     * @param value a canonical value (not a collection)
     * @return true if the cell equals the value (numbers compare by value across int and float)
     */
    public boolean matches(int row, Object value) {
        Object v = get(row);
        if (v instanceof Number a && value instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return v.equals(value);
    }

    /**
     * @param type the column type
     * @param rows how many zero rows to start with (a column added after rows exist)
     * @return a new column
     */
    public static Column create(ValueType type, int rows) {
        Column c;
        switch (type.kind()) {
            case INT: c = new LongColumn(); break;
            case FLOAT: c = new DoubleColumn(); break;
            case BOOL: c = new BoolColumn(); break;
            case STRING: c = new StringColumn(); break;
            case TIMESTAMP: c = new TimestampColumn(); break;
            default: c = new ObjectColumn(type); break;
        }
        c.ensure(rows);
        for (int i = 0; i < rows; i++) {
            c.appendZero();
        }
        return c;
    }

    /**
     * Appends {@code n} values at once (bulk loading; see {@link ColumnValues} for the array
     * each type takes).
     *
     * @param values an array of at least {@code n} values
     * @param n      how many to append
     */
    abstract void appendArray(Object values, int n);

    /** @param capacity room for at least this many rows */
    protected abstract void ensure(int capacity);

    /**
     * @param current current capacity
     * @param needed  rows needed
     * @return a new capacity, growing by half
     */
    protected static int grow(int current, int needed) {
        return Math.max(needed, Math.max(16, current + (current >> 1)));
    }
}
