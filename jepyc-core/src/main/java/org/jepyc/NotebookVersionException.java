package org.jepyc;

/**
 * A notebook file is of a format version this build does not read (epyc's
 * {@code NotebookVersionException}, whose {@code actualVersion()} returned the expected version; this one returns the file's).
 */
public class NotebookVersionException extends NotebookException {
    private static final long serialVersionUID = 1L;
    private final String expected;
    private final String actual;

    /**
     * @param file     the file, for the message
     * @param expected the version this build reads
     * @param actual   the version found in the file
     */
    public NotebookVersionException(String file, String expected, String actual) {
        super("Expected notebook version " + expected + ", got " + actual + " in " + file);
        this.expected = expected;
        this.actual = actual;
    }

    /**
     * @param file        the file, for the message
     * @param expected    the version this build reads
     * @param actual      the version found in the file
     * @param explanation what that means for the user, appended to the message
     */
    public NotebookVersionException(String file, String expected, String actual, String explanation) {
        super("Expected notebook version " + expected + ", got " + actual + " in " + file + ": " + explanation);
        this.expected = expected;
        this.actual = actual;
    }

    /** @return the version this build reads */
    public String expectedVersion() { return expected; }

    /** @return the version the file holds */
    public String actualVersion() { return actual; }
}
