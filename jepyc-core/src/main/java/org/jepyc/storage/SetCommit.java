package org.jepyc.storage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one commit changes in one result set: the set as it is now, beside the set as the file
 * holds it from the last commit or load (none if the file holds nothing of this set: it is new,
 * or replaces a set of the same tag).
 *
 * @param tag       the set's tag
 * @param now       the set now
 * @param committed the set as last committed or loaded, or null if the file holds none of it
 */
public record SetCommit(String tag, SetSnapshot now, SetSnapshot committed) {

    /** Checks that nothing is missing. */
    public SetCommit {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(now, "now");
    }

    /** @return true if the file holds nothing of this set yet */
    public boolean isNew() {
        return committed == null;
    }

    /** @return true if the file must change for this set */
    public boolean changed() {
        return !now.equals(committed);
    }

    /** @return true if the set's columns differ from those committed (always for a new set) */
    public boolean schemaChanged() {
        return committed == null || !now.schema().equals(committed.schema());
    }

    /**
     * @return the first row the file does not hold: rows from here to {@code now().rows().count()}
     *         are appended by this commit; 0 for a new set or one whose columns changed, which
     *         is written whole
     */
    public int firstNewRow() {
        return schemaChanged() ? 0 : Math.min(committed.rows().count(), now.rows().count());
    }

    /** @return the jobs pending now that were not when committed, in order */
    public List<PendingJob> pendingAdded() {
        Set<String> before = committed == null ? Set.of() : new HashSet<>(committed.pendingIds());
        List<PendingJob> out = new ArrayList<>();
        for (PendingJob j : now.pending()) {
            if (!before.contains(j.jobId())) {
                out.add(j);
            }
        }
        return out;
    }

    /** @return the ids of the jobs pending when committed that are no longer (resolved or cancelled), in order */
    public List<String> pendingResolved() {
        if (committed == null) {
            return List.of();
        }
        Set<String> still = new HashSet<>(now.pendingIds());
        List<String> out = new ArrayList<>();
        for (String id : committed.pendingIds()) {
            if (!still.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }
}
