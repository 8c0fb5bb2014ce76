package org.jepyc.storage;

import java.util.List;
import java.util.Objects;

/**
 * A notebook's own fields at one moment, apart from its result sets' contents.
 *
 * @param description the notebook's description
 * @param currentTag  the tag of the current result set
 * @param locked      true if the notebook is finished
 * @param tags        the result sets' tags in notebook order (the default first)
 */
public record NotebookHeader(String description, String currentTag, boolean locked, List<String> tags) {
    /** Copies the tags, so that the header cannot change once made. */
    public NotebookHeader {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(currentTag, "currentTag");
        tags = List.copyOf(tags);
    }
}
