package org.jepyc;

/** How a persistent notebook treats a file that already exists. */
public enum OpenMode {
    /** Load an existing file, never truncating it; a missing file is created. */
    OPEN_OR_CREATE,
    /** Start a new notebook; refuse a non-empty existing file with {@link NotebookExistsException}. */
    CREATE_NEW,
    /** Start a new notebook, replacing whatever the file held. */
    OVERWRITE
}
