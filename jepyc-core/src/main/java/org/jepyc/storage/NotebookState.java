package org.jepyc.storage;

import java.util.List;

import org.jepyc.ResultSet;
import org.jepyc.resultset.ResultTable;

/** What a storage format writes: the notebook's fields and, per result set, its columns. */
public interface NotebookState {

    /** @return the notebook's description */
    String description();

    /** @return the tag of the current result set */
    String currentTag();

    /** @return true if the notebook is locked */
    boolean isLocked();

    /** @return the result-set tags in notebook order (the default first) */
    List<String> tags();

    /**
     * @param tag a tag
     * @return the result set: description, attributes, lock, pending jobs
     */
    ResultSet resultSet(String tag);

    /**
     * @param tag a tag
     * @return the result set's rows as typed columns, in canonical column order
     */
    ResultTable table(String tag);

    /**
     * @param tag a tag
     * @return true if the set changed since the last save (a format may skip the others)
     */
    boolean isDirty(String tag);
}
