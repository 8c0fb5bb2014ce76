package org.jepyc;

/** Base of the errors a persistent notebook raises about its storage: the message names the file and the problem. */
public class NotebookException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the file */
    public NotebookException(String message) { super(message); }

    /** @param message what went wrong, naming the file
     *  @param cause the underlying error */
    public NotebookException(String message, Throwable cause) { super(message, cause); }
}
