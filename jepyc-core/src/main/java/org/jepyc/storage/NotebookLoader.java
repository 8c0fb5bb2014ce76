package org.jepyc.storage;

import org.jepyc.ResultSet;

/**
 * What a storage format calls to rebuild a notebook it reads. Results, pending jobs and
 * attributes go in through the {@link ResultSet} API; a set stored as locked is locked with
 * {@link ResultSet#finish()} after its rows and jobs are in.
 */
public interface NotebookLoader {

    /** @param description the notebook's stored description */
    void description(String description);

    /**
     * @param tag         a stored result set's tag (the default set is reused, others created in order)
     * @param description its stored description
     * @return the set to fill
     */
    ResultSet resultSet(String tag, String description);

    /** @param tag the stored current result set */
    void current(String tag);

    /** Marks the notebook as locked, as it was stored. */
    void locked();
}
