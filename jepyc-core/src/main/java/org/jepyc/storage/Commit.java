package org.jepyc.storage;

import java.util.List;
import java.util.Objects;

/**
 * One commit: everything a format needs to bring its file from the last committed notebook to
 * this one, made once by the notebook and handed to the format, which changes nothing in it.
 * Each result set comes with what the file holds of it, so a format may append only the new
 * rows and rewrite only what changed, or write the whole notebook from {@link #sets()}.
 *
 * @param header    the notebook's fields now
 * @param committed the notebook's fields as last committed or loaded, or null if the file holds
 *                  no notebook yet (or one this commit replaces)
 * @param sets      every result set, in notebook order
 */
public record Commit(NotebookHeader header, NotebookHeader committed, List<SetCommit> sets) {

    /** Copies the list of sets. */
    public Commit {
        Objects.requireNonNull(header, "header");
        sets = List.copyOf(sets);
    }

    /** @return true if the file must change at all */
    public boolean changed() {
        return !header.equals(committed) || sets.stream().anyMatch(SetCommit::changed);
    }
}
