package org.jepyc.storage;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jepyc.resultset.ResultTable;

/**
 * A result set as a format read it from a file, handed to the notebook, which takes its table as
 * the set's own and checks the rest as if it were added by hand.
 *
 * @param tag         the set's tag
 * @param description its stored description, or null if the file holds none
 * @param locked      true if it was stored finished
 * @param attributes  its stored attributes, in the file's order
 * @param table       its rows; the notebook owns the table from now on
 * @param pending     its pending jobs, in order
 */
public record StoredSet(String tag, String description, boolean locked, Map<String, Object> attributes,
        ResultTable table, List<PendingJob> pending) {
    /** Copies the collections. */
    public StoredSet {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(table, "table");
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        pending = List.copyOf(pending);
    }
}
