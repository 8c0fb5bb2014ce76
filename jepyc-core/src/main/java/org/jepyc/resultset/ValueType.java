package org.jepyc.resultset;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The type of one result-set column: epyc's numpy dtype, reduced to what a JVM value needs.
 * Timestamps are a kind of their own in memory (epyc types them as strings in files), and a
 * list column remembers the type of its elements (decided by the first element seen).
 */
public final class ValueType {

    /** The kinds of column. */
    public enum Kind { INT, FLOAT, COMPLEX, BOOL, STRING, TIMESTAMP, LIST }

    /** 64-bit integers ({@code Long}). */
    public static final ValueType INT = new ValueType(Kind.INT, null);
    /** 64-bit floating point ({@code Double}). */
    public static final ValueType FLOAT = new ValueType(Kind.FLOAT, null);
    /** Complex numbers (any {@link ComplexValue}). */
    public static final ValueType COMPLEX = new ValueType(Kind.COMPLEX, null);
    /** Booleans. */
    public static final ValueType BOOL = new ValueType(Kind.BOOL, null);
    /** Text; also where exceptions are stored, as their message. */
    public static final ValueType STRING = new ValueType(Kind.STRING, null);
    /** Local date-times ({@code java.time.LocalDateTime}), stored as text in files. */
    public static final ValueType TIMESTAMP = new ValueType(Kind.TIMESTAMP, null);

    private final Kind kind;
    private final ValueType element;

    private ValueType(Kind kind, ValueType element) {
        this.kind = kind;
        this.element = element;
    }

    /**
     * @param element the type of the list's elements
     * @return the type of a list column
     */
    public static ValueType listOf(ValueType element) {
        return new ValueType(Kind.LIST, Objects.requireNonNull(element, "element"));
    }

    /** @return the kind of column */
    public Kind kind() { return kind; }

    /** @return the element type of a list column, empty otherwise */
    public Optional<ValueType> element() { return Optional.ofNullable(element); }

    /** @return true for list columns */
    public boolean isList() { return kind == Kind.LIST; }

    /**
     * The value that fills a cell with nothing in it (epyc's zero mapping; list columns get
     * an empty list, where epyc has none and fails). Complex cells get the engine's
     * {@link ComplexValue#ZERO}.
     *
     * @return the zero of this type
     */
    public Object zero() {
        switch (kind) {
            case INT: return 0L;
            case FLOAT: return 0.0;
            case COMPLEX: return ComplexValue.ZERO;
            case BOOL: return Boolean.FALSE;
            case LIST: return List.of();
            default: return "";
        }
    }

    /**
     * Infers a column type from a value already normalised by {@link Values#normalise}.
     *
     * @param value a canonical value
     * @return its column type
     */
    public static ValueType of(Object value) {
        if (value instanceof Long) return INT;
        if (value instanceof Double) return FLOAT;
        if (value instanceof Boolean) return BOOL;
        if (value instanceof String) return STRING;
        if (value instanceof java.time.LocalDateTime) return TIMESTAMP;
        if (value instanceof ComplexValue) return COMPLEX;
        if (value instanceof List<?> list) {
            // epyc: the first element decides; an empty list is a list of integers
            return listOf(list.isEmpty() ? INT : of(list.get(0)));
        }
        throw new IllegalArgumentException("not a canonical value: " + value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueType t && t.kind == kind && Objects.equals(t.element, element);
    }

    @Override
    public int hashCode() { return kind.hashCode() * 31 + Objects.hashCode(element); }

    @Override
    public String toString() { return element == null ? kind.name().toLowerCase() : "list<" + element + ">"; }
}
