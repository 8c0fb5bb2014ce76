package org.jepyc;

/** A file is damaged, truncated, or not a notebook of the expected format. The file is left as it was. */
public class NotebookFormatException extends NotebookException {
    private static final long serialVersionUID = 1L;

    /** @param message names the file and the problem */
    public NotebookFormatException(String message) { super(message); }

    /** @param message names the file and the problem
     *  @param cause the parser or library error */
    public NotebookFormatException(String message, Throwable cause) { super(message, cause); }
}
