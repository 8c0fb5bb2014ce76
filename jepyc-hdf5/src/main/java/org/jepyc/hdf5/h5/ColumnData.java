package org.jepyc.hdf5.h5;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The values of one compound field over many rows, in the Java form that matches its
 * {@link FieldType.Kind}. Primitive arrays keep a million-row column cheap; only lists box.
 *
 * <p>Arrays are held by reference, not copied: the I/O layer only reads them when writing and
 * hands fresh arrays out when reading.
 */
public sealed interface ColumnData {

    /** Number of rows held. */
    int size();

    /** The field kind these values can be written as (VLEN for lists). */
    FieldType.Kind kind();

    /** The value of row {@code i}, boxed (Long, Double, Boolean, String, ComplexPair or List). */
    Object get(int i);

    /** Values of an INT field of any width (unsigned 64-bit values above Long.MAX_VALUE are clipped). */
    record Longs(long[] values) implements ColumnData {
        public Longs { Objects.requireNonNull(values); }
        @Override public int size() { return values.length; }
        @Override public FieldType.Kind kind() { return FieldType.Kind.INT; }
        @Override public Object get(int i) { return values[i]; }
        @Override public boolean equals(Object o) { return o instanceof Longs l && Arrays.equals(values, l.values); }
        @Override public int hashCode() { return Arrays.hashCode(values); }
        @Override public String toString() { return Arrays.toString(values); }
    }

    /** Values of a FLOAT field. */
    record Doubles(double[] values) implements ColumnData {
        public Doubles { Objects.requireNonNull(values); }
        @Override public int size() { return values.length; }
        @Override public FieldType.Kind kind() { return FieldType.Kind.FLOAT; }
        @Override public Object get(int i) { return values[i]; }
        @Override public boolean equals(Object o) { return o instanceof Doubles d && Arrays.equals(values, d.values); }
        @Override public int hashCode() { return Arrays.hashCode(values); }
        @Override public String toString() { return Arrays.toString(values); }
    }

    /** Values of a BOOL (enum FALSE/TRUE) field. */
    record Booleans(boolean[] values) implements ColumnData {
        public Booleans { Objects.requireNonNull(values); }
        @Override public int size() { return values.length; }
        @Override public FieldType.Kind kind() { return FieldType.Kind.BOOL; }
        @Override public Object get(int i) { return values[i]; }
        @Override public boolean equals(Object o) { return o instanceof Booleans b && Arrays.equals(values, b.values); }
        @Override public int hashCode() { return Arrays.hashCode(values); }
        @Override public String toString() { return Arrays.toString(values); }
    }

    /** Values of a STRING field; a null element is written as "". */
    record Strings(String[] values) implements ColumnData {
        public Strings { Objects.requireNonNull(values); }
        @Override public int size() { return values.length; }
        @Override public FieldType.Kind kind() { return FieldType.Kind.STRING; }
        @Override public Object get(int i) { return values[i]; }
        @Override public boolean equals(Object o) { return o instanceof Strings s && Arrays.equals(values, s.values); }
        @Override public int hashCode() { return Arrays.hashCode(values); }
        @Override public String toString() { return Arrays.toString(values); }
    }

    /** Values of a COMPLEX field as parallel real and imaginary parts. */
    record Complexes(double[] re, double[] im) implements ColumnData {
        public Complexes {
            if (re.length != im.length) {
                throw new IllegalArgumentException("real and imaginary parts differ in length");
            }
        }
        @Override public int size() { return re.length; }
        @Override public FieldType.Kind kind() { return FieldType.Kind.COMPLEX; }
        @Override public Object get(int i) { return new ComplexPair(re[i], im[i]); }
        @Override public boolean equals(Object o) {
            return o instanceof Complexes c && Arrays.equals(re, c.re) && Arrays.equals(im, c.im);
        }
        @Override public int hashCode() { return 31 * Arrays.hashCode(re) + Arrays.hashCode(im); }
        @Override public String toString() { return Arrays.toString(re) + "+i" + Arrays.toString(im); }
    }

    /**
     * Values of a VLEN field: one list per row, elements Long, Double, Boolean, String or
     * {@link ComplexPair} according to the field's element type. A null row is written as an empty list.
     */
    record Lists(List<?>[] values) implements ColumnData {
        public Lists { Objects.requireNonNull(values); }
        @Override public int size() { return values.length; }
        @Override public FieldType.Kind kind() { return FieldType.Kind.VLEN; }
        @Override public Object get(int i) { return values[i]; }
        @Override public boolean equals(Object o) { return o instanceof Lists l && Arrays.equals(values, l.values); }
        @Override public int hashCode() { return Arrays.hashCode(values); }
        @Override public String toString() { return Arrays.toString(values); }
    }
}
