package org.jepyc.dashboard;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** How the page shows values: JSON-safe, with long texts cut for table cells. */
final class Cells {
    /** Table cells longer than this are cut (a traceback is shown whole among the failures). */
    static final int MAX_CELL = 160;

    private Cells() { }

    /**
     * @param v a value read back from a notebook
     * @return its text: numbers as Java prints them, timestamps as ISO dates
     */
    static String text(Object v) {
        if (v instanceof LocalDateTime t) {
            return t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        return String.valueOf(v);
    }

    /**
     * @param v a value read back from a notebook
     * @return a value JSON can carry: JSON has no NaN or infinity, so those go as text
     */
    static Object json(Object v) {
        if (v == null || v instanceof Long || v instanceof Integer || v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? (Object) d : text(v);
        }
        return text(v);
    }

    /**
     * @param v a value read back from a notebook
     * @return {@link #json} with text cut to {@link #MAX_CELL} characters
     */
    static Object cell(Object v) {
        Object j = json(v);
        if (j instanceof String s && s.length() > MAX_CELL) {
            return s.substring(0, MAX_CELL - 1) + "…";
        }
        return j;
    }

    /**
     * @param v a value
     * @return it as a double for plots and sorting: NaN if it is not a number
     */
    static double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return Double.NaN;
    }
}
