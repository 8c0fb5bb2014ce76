package org.jepyc.cli;

/** A mistake of the user's (a missing file, an unknown tag): one line on stderr and exit status 1. */
class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and, where it helps, what to do */
    UserException(String message) {
        super(message);
    }
}
