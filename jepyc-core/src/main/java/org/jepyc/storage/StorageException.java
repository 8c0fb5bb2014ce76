package org.jepyc.storage;

/**
 * A notebook file the engine cannot open or lock: no format reads files named so, or another
 * process writes it. The message names the file and what to do; the API reports it to users as
 * its own {@code NotebookException}, with the same message and cause.
 */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the file */
    public StorageException(String message) { super(message); }
}
