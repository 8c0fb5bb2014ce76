package org.jepyc;

/** A change was attempted on a notebook that {@code finish()} has locked, or one opened read-only. */
public class LabNotebookLockedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with epyc's message. */
    public LabNotebookLockedException() { super("Lab notebook locked"); }

    /** @param what the operation refused, for the message */
    public LabNotebookLockedException(String what) {
        super("Lab notebook locked: cannot " + what + " (the notebook is finished or read-only)");
    }
}
