package org.jepyc.hdf5;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jepyc.ResultSet;
import org.jepyc.hdf5.h5.Field;

/**
 * What the file holds for one result set, as of the last load or completed commit: enough to
 * append only new rows and rewrite only what changed.
 */
final class SetRecord {
    /** The in-memory set these rows came from (rows are append-only, so a prefix is shared), or null. */
    ResultSet set;
    /** Fields of the {@code results} table, or null if there is none. */
    List<Field> resultFields;
    /** Rows published in {@code results}. */
    int resultRows;
    /** The table's extent or marker disagree with {@link #resultRows} (after a crash, or epyc wrote last). */
    boolean repair;
    /** Fields of the {@code pending} table, or null if there is none. */
    List<Field> pendingFields;
    /** Job ids in the {@code pending} table, in order, or null if there is none. */
    List<String> pendingIds;
    /** The group's stored description, or null if unknown. */
    String description;
    /** The group's stored lock, or null if unknown. */
    Boolean locked;
    /** The group's other attributes as stored text. */
    Map<String, String> attributes = new LinkedHashMap<>();

    SetRecord copy() {
        SetRecord r = new SetRecord();
        r.set = set;
        r.resultFields = resultFields;
        r.resultRows = resultRows;
        r.repair = repair;
        r.pendingFields = pendingFields;
        r.pendingIds = pendingIds;
        r.description = description;
        r.locked = locked;
        r.attributes = new LinkedHashMap<>(attributes);
        return r;
    }
}
