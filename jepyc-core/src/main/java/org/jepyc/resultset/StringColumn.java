package org.jepyc.resultset;

import java.util.Arrays;

import org.dflib.Series;

/**
 * A column of text. Exceptions arrive here as their message. A value equal to the previous
 * row's shares its instance, so repeated class names and empty strings cost one reference.
 */
public final class StringColumn extends Column {
    private String[] data = new String[16];

    @Override public ValueType type() { return ValueType.STRING; }

    @Override
    public boolean accepts(Object v) {
        return v instanceof String || v instanceof CharSequence || v instanceof Throwable
                || v instanceof java.time.LocalDateTime;
    }

    @Override
    public void append(Object v) {
        String s;
        if (v instanceof String str) {
            s = str;
        } else if (v instanceof Throwable t) {
            s = Values.message(t);
        } else if (v instanceof java.time.LocalDateTime t) {
            s = Timestamps.format(t);
        } else {
            s = v.toString();
        }
        if (size == data.length) {
            ensure(size + 1);
        }
        if (size > 0 && s.equals(data[size - 1])) {
            s = data[size - 1];
        }
        data[size++] = s;
    }

    @Override public void appendZero() { append(""); }

    @Override
    void appendArray(Object values, int n) {
        ensure(size + n);
        String[] v = (String[]) values;
        for (int i = 0; i < n; i++) {
            append(v[i] == null ? "" : v[i]);
        }
    }

    @Override public Object get(int row) { return data[row]; }

    @Override
    public void truncate(int newSize) {
        Arrays.fill(data, Math.min(newSize, size), size, null);
        super.truncate(newSize);
    }

    @Override
    public Series<?> toSeries(int[] rows) {
        if (rows == null) {
            return Series.of(Arrays.copyOf(data, size));
        }
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = data[rows[i]];
        }
        return Series.of(out);
    }

    @Override
    protected void ensure(int capacity) {
        if (capacity > data.length) {
            data = Arrays.copyOf(data, grow(data.length, capacity));
        }
    }
}
