package org.jepyc.resultset;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.dflib.Series;

/** A column of complex numbers or of lists, kept as objects. */
public final class ObjectColumn extends Column {
    private final ValueType type;
    private Object[] data = new Object[16];

    ObjectColumn(ValueType type) {
        this.type = type;
    }

    @Override public ValueType type() { return type; }

    @Override
    public boolean accepts(Object v) {
        if (type.isList()) {
            return v instanceof List<?> || v instanceof java.util.Set<?> || (v.getClass().isArray());
        }
        return v instanceof ComplexValue;
    }

    @Override
    public void append(Object v) {
        if (size == data.length) {
            ensure(size + 1);
        }
        data[size++] = type.isList() ? Values.normalise("list element", v) : v;
    }

    @Override public void appendZero() { append(type.zero()); }

    @Override
    void appendArray(Object values, int n) {
        ensure(size + n);
        Object[] v = (Object[]) values;
        for (int i = 0; i < n; i++) {
            Object x = v[i] == null ? type.zero() : v[i];
            if (!accepts(x)) {
                throw new IllegalArgumentException("a " + type + " column cannot hold " + x);
            }
            // lists arrive canonical from storage formats: wrap rather than copy element by element
            data[size++] = type.isList() && x instanceof List<?> l ? java.util.Collections.unmodifiableList(l) : x;
        }
    }

    @Override public Object get(int row) { return data[row]; }

    /** Complex cells compare by their parts: an empty cell holds the engine's zero, not the caller's type. */
    @Override
    public boolean matches(int row, Object value) {
        if (type.kind() == ValueType.Kind.COMPLEX && value instanceof ComplexValue b) {
            return ComplexValue.sameParts((ComplexValue) data[row], b);
        }
        return super.matches(row, value);
    }

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
        Object[] out = new Object[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = data[rows[i]];
        }
        return Series.of(out);
    }

    /**
     * @param rows the rows to take, in order, or null for all
     * @param cell what each cell becomes in the series
     * @return a detached series of those rows, each cell mapped
     */
    Series<?> toSeries(int[] rows, UnaryOperator<Object> cell) {
        int n = rows == null ? size : rows.length;
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = cell.apply(data[rows == null ? i : rows[i]]);
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
