package org.jepyc.dashboard;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A notebook as the page shows it: what was read at its latest committed state, and the error of
 * the latest reading if it failed (the page then keeps showing what was read before).
 *
 * @param file        the notebook's file
 * @param description its description, or null before the first successful reading
 * @param sets        its result sets, in the notebook's order
 * @param version     counts successful readings: the page refreshes what it shows when it changes
 * @param readAt      when it was last read successfully, or null
 * @param error       why the latest reading failed, or null
 */
record NotebookView(Path file, String description, List<SetView> sets, long version, Instant readAt, String error) {

    /**
     * @param tag a tag
     * @return that set, if the notebook has it
     */
    Optional<SetView> set(String tag) {
        return sets.stream().filter(s -> s.tag().equals(tag)).findFirst();
    }

    /**
     * @param message why reading failed
     * @return this view with that error, showing what was read before
     */
    NotebookView failed(String message) {
        return new NotebookView(file, description, sets, version, readAt, message);
    }
}
