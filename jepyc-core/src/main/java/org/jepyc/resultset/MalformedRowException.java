package org.jepyc.resultset;

/**
 * A row a result table cannot take because of its shape (its metadata has no boolean status).
 * The API reports it to users as its own {@code ResultsStructureException}, naming the same row
 * and reason.
 */
public class MalformedRowException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient Object row;
    private final String why;

    /**
     * @param row the offending row
     * @param why what is wrong with it
     */
    public MalformedRowException(Object row, String why) {
        super("Can't handle results dict: " + why);
        this.row = row;
        this.why = why;
    }

    /** @return the offending row */
    public Object row() { return row; }

    /** @return what is wrong with it, without the row */
    public String why() { return why; }
}
