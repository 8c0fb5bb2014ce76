package org.jepyc.resultset;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.dflib.Series;

/**
 * A column of date-times, kept as microseconds in a primitive array (a {@code LocalDateTime}
 * costs some 70 bytes; a million rows have two of them). A cell may also hold text, as in
 * epyc: "" for a cancelled job's start time, or anything unparsable read from a file; such
 * text lives in a small side table.
 */
public final class TimestampColumn extends Column {
    private static final long TEXT = Long.MIN_VALUE;
    private long[] micros = new long[16];
    private final Map<Integer, String> text = new HashMap<>();

    @Override public ValueType type() { return ValueType.TIMESTAMP; }

    @Override
    public boolean accepts(Object v) {
        return v instanceof LocalDateTime || v instanceof String;
    }

    @Override
    public void append(Object v) {
        if (size == micros.length) {
            ensure(size + 1);
        }
        LocalDateTime t = v instanceof LocalDateTime ldt ? ldt : Timestamps.parseOrNull((String) v);
        if (t != null) {
            micros[size++] = Timestamps.toMicros(t);
        } else {
            String s = (String) v;
            if (!s.isEmpty()) {
                text.put(size, s);
            }
            micros[size++] = TEXT;
        }
    }

    @Override public void appendZero() { append(""); }

    @Override
    void appendArray(Object values, int n) {
        ensure(size + n);
        Object[] v = (Object[]) values;
        for (int i = 0; i < n; i++) {
            Object x = v[i] == null ? "" : v[i];
            long m = x instanceof String s ? Timestamps.isoMicros(s) : TEXT;
            if (m != TEXT) {
                micros[size++] = m;
            } else {
                append(x);
            }
        }
    }

    @Override
    public Object get(int row) {
        long m = micros[row];
        return m == TEXT ? text.getOrDefault(row, "") : Timestamps.fromMicros(m);
    }

    /**
     * @param row a row
     * @return its value as text: the date-time as Python's {@code isoformat()} writes it, or
     *         the text stored as it was
     */
    public String getText(int row) {
        long m = micros[row];
        return m == TEXT ? text.getOrDefault(row, "") : Timestamps.formatMicros(m);
    }

    @Override
    public void truncate(int newSize) {
        text.keySet().removeIf(r -> r >= newSize);
        super.truncate(newSize);
    }

    @Override
    public Series<?> toSeries(int[] rows) {
        int n = rows == null ? size : rows.length;
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = get(rows == null ? i : rows[i]);
        }
        return Series.of(out);
    }

    @Override
    protected void ensure(int capacity) {
        if (capacity > micros.length) {
            micros = Arrays.copyOf(micros, grow(micros.length, capacity));
        }
    }
}
