package org.jepyc;

/** Never thrown to callers: the exception recorded for a pending result that was cancelled. */
public class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with epyc's message, "Cancelled". */
    public CancelledException() { super("Cancelled"); }
}
