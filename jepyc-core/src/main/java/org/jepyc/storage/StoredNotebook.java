package org.jepyc.storage;

import java.util.List;

/**
 * A notebook as a format read it from a file.
 *
 * @param description its stored description, or null if the file holds none
 * @param currentTag  the stored current result set, or null if the file names none
 * @param locked      true if it was stored finished
 * @param sets        its result sets, in the order to show them (the default first, if stored)
 */
public record StoredNotebook(String description, String currentTag, boolean locked, List<StoredSet> sets) {
    /** Copies the list of sets. */
    public StoredNotebook {
        sets = List.copyOf(sets);
    }
}
