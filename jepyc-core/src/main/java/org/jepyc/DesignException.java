package org.jepyc;

/** Parameter ranges cannot be combined by a design (for example mismatched lengths in a pointwise design). */
public class DesignException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the ranges */
    public DesignException(String message) { super("Design exception: " + message); }
}
