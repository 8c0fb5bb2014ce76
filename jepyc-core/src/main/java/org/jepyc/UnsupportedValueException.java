package org.jepyc;

/**
 * A parameter, metadata or result value of a type a notebook cannot store (epyc's
 * "No type mapping"). The message names the value and its type; nothing was stored.
 */
public class UnsupportedValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message names the value, its type and what types are supported */
    public UnsupportedValueException(String message) { super(message); }
}
