package org.jepyc.cli;

/**
 * A command line whose arguments do not fit together (a malformed NOTEBOOK:TAG, a format that
 * disagrees with the file's name), found by a command after picocli parsed it: reported as a
 * usage error, with exit status 2.
 */
final class UsageException extends UserException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and how to write it */
    UsageException(String message) {
        super(message);
    }
}
