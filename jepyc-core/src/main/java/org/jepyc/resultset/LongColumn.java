package org.jepyc.resultset;

import java.util.Arrays;

import org.dflib.Series;

/** A column of 64-bit integers in a primitive array. */
public final class LongColumn extends Column {
    private long[] data = new long[16];

    @Override public ValueType type() { return ValueType.INT; }

    @Override
    public boolean accepts(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
    }

    @Override
    public void append(Object v) {
        appendLong(((Number) v).longValue());
    }

    /** @param v the value to append */
    public void appendLong(long v) {
        if (size == data.length) {
            ensure(size + 1);
        }
        data[size++] = v;
    }

    @Override public void appendZero() { appendLong(0); }

    @Override
    void appendArray(Object values, int n) {
        ensure(size + n);
        System.arraycopy((long[]) values, 0, data, size, n);
        size += n;
    }

    @Override public Object get(int row) { return data[row]; }

    /** @param row a row index @return the value there */
    public long getLong(int row) { return data[row]; }

    @Override
    public Series<?> toSeries(int[] rows) {
        if (rows == null) {
            return Series.ofLong(Arrays.copyOf(data, size));
        }
        long[] out = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = data[rows[i]];
        }
        return Series.ofLong(out);
    }

    @Override
    protected void ensure(int capacity) {
        if (capacity > data.length) {
            data = Arrays.copyOf(data, grow(data.length, capacity));
        }
    }

    /** @return a float column holding the same values, for a column whose later values are fractional */
    DoubleColumn toDoubles() {
        DoubleColumn d = new DoubleColumn();
        d.ensure(size);
        for (int i = 0; i < size; i++) {
            d.appendDouble(data[i]);
        }
        return d;
    }
}
