package org.jepyc.hdf5;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jepyc.Complex;
import org.jepyc.NotebookException;
import org.jepyc.hdf5.h5.ColumnData;
import org.jepyc.resultset.BoolColumn;
import org.jepyc.resultset.Column;
import org.jepyc.resultset.ComplexValue;
import org.jepyc.resultset.DoubleColumn;
import org.jepyc.resultset.LongColumn;
import org.jepyc.resultset.TimestampColumn;
import org.jepyc.resultset.Timestamps;
import org.jepyc.resultset.ValueType;

/**
 * Moves values between result-set columns and the HDF5 layer's {@link ColumnData}: date-times
 * become isoformat text, complex values (a {@link Complex}, or the engine's zero in an empty
 * cell) the layer's complex pair, and complex pairs read come back as {@link Complex}; list
 * elements are checked against the column's element type.
 */
final class ColumnCodec {

    private ColumnCodec() { }

    /**
     * @param name   the column name, for messages
     * @param c      a column
     * @param from   first row
     * @param to     end row (exclusive)
     * @return rows {@code [from, to)} as arrays of {@code to - from} values
     */
    static ColumnData toData(String name, Column c, int from, int to) {
        int n = to - from;
        ValueType t = c.type();
        switch (t.kind()) {
            case INT: {
                LongColumn l = (LongColumn) c;
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = l.getLong(from + i);
                }
                return new ColumnData.Longs(v);
            }
            case FLOAT: {
                DoubleColumn d = (DoubleColumn) c;
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = d.getDouble(from + i);
                }
                return new ColumnData.Doubles(v);
            }
            case BOOL: {
                BoolColumn b = (BoolColumn) c;
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = b.getBool(from + i);
                }
                return new ColumnData.Booleans(v);
            }
            case STRING: {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    v[i] = text(c.get(from + i));
                }
                return new ColumnData.Strings(v);
            }
            case TIMESTAMP: {
                TimestampColumn times = (TimestampColumn) c;
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    v[i] = times.getText(from + i);
                }
                return new ColumnData.Strings(v);
            }
            case COMPLEX: {
                double[] re = new double[n];
                double[] im = new double[n];
                for (int i = 0; i < n; i++) {
                    ComplexValue z = (ComplexValue) c.get(from + i);
                    re[i] = z.re();
                    im[i] = z.im();
                }
                return new ColumnData.Complexes(re, im);
            }
            default: {
                ValueType element = t.element().orElseThrow();
                List<?>[] v = new List<?>[n];
                for (int i = 0; i < n; i++) {
                    v[i] = listOut(name, element, (List<?>) c.get(from + i));
                }
                return new ColumnData.Lists(v);
            }
        }
    }

    /**
     * @param name a parameter name, for messages
     * @param t    the column type
     * @param v    one canonical value
     * @return it in the layer's form (for pending tables, written value by value)
     */
    static Object valueOut(String name, ValueType t, Object v) {
        return switch (t.kind()) {
            case STRING, TIMESTAMP -> text(v);
            case COMPLEX -> {
                ComplexValue z = (ComplexValue) v;
                yield new org.jepyc.hdf5.h5.ComplexPair(z.re(), z.im());
            }
            case LIST -> listOut(name, t.element().orElseThrow(), (List<?>) v);
            case FLOAT -> ((Number) v).doubleValue();
            default -> v;
        };
    }

    private static String text(Object v) {
        return v instanceof LocalDateTime t ? Timestamps.format(t) : v.toString();
    }

    private static List<Object> listOut(String name, ValueType element, List<?> list) {
        List<Object> out = new ArrayList<>(list.size());
        for (Object e : list) {
            Object x = switch (element.kind()) {
                case INT -> e instanceof Long ? e : null;
                case FLOAT -> e instanceof Number num ? (Object) num.doubleValue() : null;
                case BOOL -> e instanceof Boolean ? e : null;
                case STRING, TIMESTAMP -> e instanceof String || e instanceof LocalDateTime ? text(e) : null;
                case COMPLEX -> e instanceof ComplexValue z ? new org.jepyc.hdf5.h5.ComplexPair(z.re(), z.im()) : null;
                case LIST -> null;
            };
            if (x == null) {
                throw new NotebookException("Column " + name + " holds lists of " + element + " (decided by its first "
                        + "element, as epyc does) and cannot store the element " + e + " of " + list);
            }
            out.add(x);
        }
        return out;
    }

    /**
     * @param d the values read
     * @param t the column type they load into
     * @return an array as {@link org.jepyc.resultset.ColumnValues} takes it
     */
    static Object fromData(ColumnData d, ValueType t) {
        if (d instanceof ColumnData.Longs l) {
            if (t.kind() == ValueType.Kind.FLOAT) {
                double[] v = new double[l.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = l.values()[i];
                }
                return v;
            }
            return l.values();
        }
        if (d instanceof ColumnData.Doubles x) {
            return x.values();
        }
        if (d instanceof ColumnData.Booleans b) {
            return b.values();
        }
        if (d instanceof ColumnData.Strings s) {
            return s.values();
        }
        if (d instanceof ColumnData.Complexes z) {
            Object[] v = new Object[z.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = new Complex(z.re()[i], z.im()[i]);
            }
            return v;
        }
        List<?>[] lists = ((ColumnData.Lists) d).values();
        Object[] v = new Object[lists.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = listIn(lists[i]);
        }
        return v;
    }

    /** @param v a value the layer read @return its canonical form */
    static Object valueIn(Object v) {
        if (v instanceof org.jepyc.hdf5.h5.ComplexPair z) {
            return new Complex(z.re(), z.im());
        }
        if (v instanceof List<?> l) {
            return listIn(l);
        }
        return v;
    }

    private static List<Object> listIn(List<?> l) {
        List<Object> out = new ArrayList<>(l.size());
        for (Object e : l) {
            out.add(valueIn(e));
        }
        return Collections.unmodifiableList(out);
    }
}
