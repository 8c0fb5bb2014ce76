package org.jepyc.resultset;

import java.util.Arrays;

import org.dflib.Series;

/** A column of booleans in a primitive array. */
public final class BoolColumn extends Column {
    private boolean[] data = new boolean[16];

    @Override public ValueType type() { return ValueType.BOOL; }

    @Override public boolean accepts(Object v) { return v instanceof Boolean; }

    @Override public void append(Object v) { appendBool((Boolean) v); }

    /** @param v the value to append */
    public void appendBool(boolean v) {
        if (size == data.length) {
            ensure(size + 1);
        }
        data[size++] = v;
    }

    @Override public void appendZero() { appendBool(false); }

    @Override
    void appendArray(Object values, int n) {
        ensure(size + n);
        System.arraycopy((boolean[]) values, 0, data, size, n);
        size += n;
    }

    @Override public Object get(int row) { return data[row]; }

    /** @param row a row index @return the value there */
    public boolean getBool(int row) { return data[row]; }

    @Override
    public Series<?> toSeries(int[] rows) {
        if (rows == null) {
            return Series.ofBool(Arrays.copyOf(data, size));
        }
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = data[rows[i]];
        }
        return Series.ofBool(out);
    }

    @Override
    protected void ensure(int capacity) {
        if (capacity > data.length) {
            data = Arrays.copyOf(data, grow(data.length, capacity));
        }
    }
}
