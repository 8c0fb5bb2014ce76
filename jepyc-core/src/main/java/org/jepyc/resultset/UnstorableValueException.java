package org.jepyc.resultset;

/**
 * A value a result set cannot store: no column type fits it, or its column holds another type,
 * or its name is blank. The message names the value and what would fit. The API reports it to
 * users as its own {@code UnsupportedValueException}, with the same message.
 */
public class UnstorableValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message names the value, its type and what types are supported */
    public UnstorableValueException(String message) { super(message); }
}
