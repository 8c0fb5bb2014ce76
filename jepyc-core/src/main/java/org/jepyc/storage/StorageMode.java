package org.jepyc.storage;

/**
 * How a format treats an existing notebook file as it opens it: the engine's side of the API's
 * open mode (the same three modes, by the same names), which the API maps onto it in one place.
 */
public enum StorageMode {
    /** Load an existing file, never truncating it; start a new notebook if there is none. */
    OPEN_OR_CREATE,
    /** Start a new notebook; refuse a non-empty file. */
    CREATE_NEW,
    /** Start a new notebook, replacing an existing file at the first commit. */
    OVERWRITE
}
