package org.jepyc;

/** A change was attempted on a result set that {@code finish()} has locked. */
public class ResultSetLockedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with epyc's message. */
    public ResultSetLockedException() { super("Result set locked"); }

    /** @param what the operation refused, for the message */
    public ResultSetLockedException(String what) {
        super("Result set locked: cannot " + what + " (a finished result set is read-only; add a new result set instead)");
    }
}
