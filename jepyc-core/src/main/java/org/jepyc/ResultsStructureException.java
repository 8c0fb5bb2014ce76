package org.jepyc;

/** A results dict that cannot be stored: its shape is not that of a results dict. */
public class ResultsStructureException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient Object resultsDict;

    /**
     * @param resultsDict the offending value
     * @param why         what is wrong with it
     */
    public ResultsStructureException(Object resultsDict, String why) {
        super("Can't handle results dict: " + why);
        this.resultsDict = resultsDict;
    }

    /** @return the offending value */
    public Object resultsDict() { return resultsDict; }
}
