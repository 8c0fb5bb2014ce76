package org.jepyc.resultset;

import java.util.Arrays;

import org.dflib.Series;

/** A column of 64-bit floating point numbers in a primitive array. */
public final class DoubleColumn extends Column {
    private double[] data = new double[16];

    @Override public ValueType type() { return ValueType.FLOAT; }

    @Override
    public boolean accepts(Object v) {
        return v instanceof Double || v instanceof Float || v instanceof Long || v instanceof Integer
                || v instanceof Short || v instanceof Byte;
    }

    @Override
    public void append(Object v) {
        appendDouble(((Number) v).doubleValue());
    }

    /** @param v the value to append */
    public void appendDouble(double v) {
        if (size == data.length) {
            ensure(size + 1);
        }
        data[size++] = v;
    }

    @Override public void appendZero() { appendDouble(0.0); }

    @Override
    void appendArray(Object values, int n) {
        ensure(size + n);
        System.arraycopy((double[]) values, 0, data, size, n);
        size += n;
    }

    @Override public Object get(int row) { return data[row]; }

    /** @param row a row index @return the value there */
    public double getDouble(int row) { return data[row]; }

    @Override
    public boolean matches(int row, Object value) {
        return value instanceof Number n && (data[row] == n.doubleValue()
                || (Double.isNaN(data[row]) && Double.isNaN(n.doubleValue())));
    }

    @Override
    public Series<?> toSeries(int[] rows) {
        if (rows == null) {
            return Series.ofDouble(Arrays.copyOf(data, size));
        }
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = data[rows[i]];
        }
        return Series.ofDouble(out);
    }

    @Override
    protected void ensure(int capacity) {
        if (capacity > data.length) {
            data = Arrays.copyOf(data, grow(data.length, capacity));
        }
    }
}
