package org.jepyc.hdf5.h5;

import java.util.List;
import java.util.Objects;

/** One named member of a compound table, in file order. */
public record Field(String name, FieldType type) {
    /** Rejects names HDF5 cannot store as compound member names. */
    public Field {
        Objects.requireNonNull(type, "type");
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("field name must be non-empty");
        }
    }

    /**
     * @param fields a table's fields
     * @return their names, in the same order
     */
    public static List<String> names(List<Field> fields) {
        return fields.stream().map(Field::name).toList();
    }
}
