package org.jepyc;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jepyc.storage.PendingJob;
import org.jepyc.storage.StoredNotebook;
import org.jepyc.storage.StoredSet;

/**
 * Rebuilds a notebook's result sets from what its file holds, checking every pending job and
 * attribute as if it were added by hand: a file that breaks a rule the API keeps is refused
 * with {@link NotebookFormatException}, naming the notebook and the part at fault, and the file
 * is left as it is.
 */
final class StoredNotebookReader {

    /**
     * What a file holds, as the notebook keeps it.
     *
     * @param description the notebook's description, or null if the file gives none
     * @param sets        the result sets, by tag, in file order
     * @param currentTag  the current set's tag, or null if the file names none
     * @param locked      true if the notebook was finished
     */
    record Restored(String description, Map<String, ResultSet> sets, String currentTag, boolean locked) { }

    private StoredNotebookReader() { }

    /**
     * @param name   the notebook's name, for messages
     * @param stored what its file holds
     * @return the result sets and fields it gives
     * @throws NotebookFormatException if it breaks a rule of result sets
     */
    static Restored read(String name, StoredNotebook stored) {
        Map<String, ResultSet> sets = new LinkedHashMap<>();
        for (StoredSet s : stored.sets()) {
            ResultSet rs = new ResultSet(s.description(), s.table());
            for (PendingJob j : s.pending()) {
                try {
                    rs.addPendingResult(j.parameters(), j.jobId());
                } catch (RuntimeException e) {
                    throw inconsistent(name, "pending job " + j.jobId() + " of result set " + s.tag(), e);
                }
            }
            s.attributes().forEach((k, v) -> {
                try {
                    rs.setAttribute(k, v);
                } catch (RuntimeException e) {
                    throw inconsistent(name, "attribute " + k + " of result set " + s.tag(), e);
                }
            });
            if (s.locked()) {
                rs.finish();
            }
            sets.put(s.tag(), rs);
        }
        String current = stored.currentTag();
        if (current != null && !sets.containsKey(current)) {
            throw new NotebookFormatException("Notebook " + name + " names current result set " + current
                    + ", which it does not hold");
        }
        return new Restored(stored.description(), sets, current, stored.locked());
    }

    private static NotebookFormatException inconsistent(String name, String where, RuntimeException e) {
        return new NotebookFormatException("Notebook " + name + " cannot be loaded: " + where + " is inconsistent ("
                + e.getMessage() + "); the file was left as it is", e);
    }
}
