package org.jepyc;

/** Creating a new notebook was refused because a non-empty file is already there: open it, or ask for {@link OpenMode#OVERWRITE}. */
public class NotebookExistsException extends NotebookException {
    private static final long serialVersionUID = 1L;

    /** @param message names the file and what to do */
    public NotebookExistsException(String message) { super(message); }
}
