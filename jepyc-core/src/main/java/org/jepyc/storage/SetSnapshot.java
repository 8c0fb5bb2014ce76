package org.jepyc.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A result set as it is at one moment: what a file holds for it after a commit of that moment.
 * Two snapshots are equal when the set did not change between them.
 *
 * @param description the set's description
 * @param locked      true if the set is finished
 * @param attributes  the attributes documenting it, in the order set
 * @param rows        its rows
 * @param pending     the jobs still pending, in the order submitted
 */
public record SetSnapshot(String description, boolean locked, Map<String, Object> attributes, Rows rows,
        List<PendingJob> pending) {

    /** Copies the collections, so that the snapshot cannot change once made. */
    public SetSnapshot {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(rows, "rows");
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        pending = List.copyOf(pending);
    }

    /** @return the schema of its rows */
    public List<ColumnSpec> schema() {
        return rows.schema();
    }

    /** @return the ids of the pending jobs, in order */
    public List<String> pendingIds() {
        List<String> out = new ArrayList<>(pending.size());
        pending.forEach(j -> out.add(j.jobId()));
        return out;
    }
}
