package org.jepyc.hdf5;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jepyc.Experiment;
import org.jepyc.NotebookException;
import org.jepyc.NotebookFormatException;
import org.jepyc.hdf5.h5.Field;
import org.jepyc.hdf5.h5.FieldType;
import org.jepyc.resultset.Category;
import org.jepyc.resultset.ColumnRef;
import org.jepyc.resultset.ValueType;
import org.jepyc.storage.ColumnSpec;

/** Column types to HDF5 field types and back, as epyc 1.7.2 stores them (timestamps as text). */
final class Schema {

    private Schema() { }

    /** @return the HDF5 type epyc writes for a column of this type (timestamps are text) */
    static FieldType fieldType(ValueType t) {
        return switch (t.kind()) {
            case INT -> FieldType.INT64;
            case FLOAT -> FieldType.FLOAT64;
            case BOOL -> FieldType.BOOL;
            case STRING, TIMESTAMP -> FieldType.STRING;
            case COMPLEX -> FieldType.COMPLEX;
            case LIST -> FieldType.vlen(fieldType(t.element().orElseThrow()));
        };
    }

    /**
     * Refuses, before anything is written, a set whose columns share a name across categories:
     * epyc's layout keeps a row's parameters, metadata and results as the fields of one compound
     * table, where each name can appear once (h5py and epyc refuse such a table too).
     *
     * @param file   the notebook file, for the message
     * @param tag    the result set
     * @param schema its columns
     * @throws NotebookException naming the set, the name and its categories
     */
    static void checkNames(Path file, String tag, List<ColumnSpec> schema) {
        Map<String, Category> seen = new HashMap<>();
        for (ColumnSpec c : schema) {
            Category other = seen.putIfAbsent(c.name(), c.category());
            if (other != null) {
                throw new NotebookException("Cannot commit notebook " + file + ": result set " + tag + " has "
                        + other.name().toLowerCase() + " and " + c.category().name().toLowerCase() + " both named '"
                        + c.name() + "', and an HDF5 notebook keeps all of a row's names in one table, as epyc does: "
                        + "give the result another name (a JSON notebook can hold both). The previously committed "
                        + "file is unchanged.");
            }
        }
    }

    /** @return the fields of a results table, in canonical column order */
    static List<Field> fields(List<ColumnRef> columns) {
        List<Field> out = new ArrayList<>(columns.size());
        for (ColumnRef c : columns) {
            out.add(new Field(c.name(), fieldType(c.type())));
        }
        return out;
    }

    /**
     * The in-memory type of a stored field. epyc parses only the start and end times back into
     * date-times; any other text stays text.
     *
     * @param file     the file, for messages
     * @param category the field's category
     * @param f        the field
     * @return its column type
     */
    static ValueType valueType(String file, Category category, Field f) {
        if (category == Category.METADATA && f.type().kind() == FieldType.Kind.STRING
                && (f.name().equals(Experiment.START_TIME) || f.name().equals(Experiment.END_TIME))) {
            return ValueType.TIMESTAMP;
        }
        return valueType(file, f.name(), f.type(), false);
    }

    private static ValueType valueType(String file, String name, FieldType t, boolean inList) {
        return switch (t.kind()) {
            case INT -> ValueType.INT;
            case FLOAT -> ValueType.FLOAT;
            case BOOL -> ValueType.BOOL;
            case STRING -> ValueType.STRING;
            case COMPLEX -> ValueType.COMPLEX;
            case VLEN -> {
                if (inList) {
                    throw new NotebookFormatException(file + ": field " + name + " holds lists of lists, which "
                            + "notebooks do not store");
                }
                yield ValueType.listOf(valueType(file, name, t.element(), true));
            }
        };
    }

    /**
     * Rows of a table worth of about a megabyte at most: chunks are allocated whole, so a small
     * table wants small chunks, and HDF5's chunk cache (1 MiB) wants them below that.
     *
     * @param fields the table's fields
     * @param rows   how many rows it starts with
     * @return the chunk length in rows
     */
    static int chunkRows(List<Field> fields, long rows) {
        long rowBytes = 0;
        for (Field f : fields) {
            rowBytes += switch (f.type().kind()) {
                case INT, FLOAT -> f.type().bits() / 8;
                case BOOL -> 1;
                default -> 16;   // vlen references and complex pairs
            };
        }
        rowBytes = Math.max(1, rowBytes);
        // at least 64 KiB a chunk, so a table that grows by appends still has few chunks; up to
        // 1 MiB for tables that start big
        long floor = Math.max(16, (1L << 16) / rowBytes);
        long cap = Math.max(floor, (1L << 20) / rowBytes);
        long wanted = Long.highestOneBit(Math.max(1, rows / 8));
        return (int) Math.max(floor, Math.min(wanted, cap));
    }
}
