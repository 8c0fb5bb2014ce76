package org.jepyc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.dflib.DataFrame;
import org.dflib.Series;
import org.jepyc.resultset.PythonFloats;

/**
 * A data frame or a result set as an aligned text table, as pandas prints a frame: parameters
 * and results first, metadata (epyc's {@code epyc.*} columns and jepyc's {@code jepyc.*} ones,
 * such as a seeded run's seed) only when asked, and for long
 * tables the first and last rows with the row count. The rows themselves stay in the frame or
 * the set: a table is only a way of printing them.
 *
 * <pre>{@code
 * System.out.println(Table.of(lab.dataframe()));                        // parameters and results
 * System.out.println(Table.of(lab.dataframe()).sortedBy("a", "b"));      // rows in order of a, then b
 * System.out.println(Table.of(lab.dataframe()).withMetadata().maxRows(100));
 * }</pre>
 */
public final class Table {
    /** Tables longer than this show their head and tail (pandas' {@code display.max_rows}). */
    public static final int DEFAULT_MAX_ROWS = 60;
    /** Rows shown at each end of a long table (pandas' {@code display.min_rows} halved). */
    public static final int DEFAULT_END_ROWS = 5;
    /** Longest text in a cell; longer text (a stack trace) ends in "...". */
    public static final int MAX_CELL = 40;

    private final DataFrame frame;
    private final List<String> columns;
    private final boolean metadata;
    private final int maxRows;

    private Table(DataFrame frame, List<String> columns, boolean metadata, int maxRows) {
        this.frame = frame;
        this.columns = columns;
        this.metadata = metadata;
        this.maxRows = maxRows;
    }

    /**
     * @param frame a data frame, for example {@link Lab#dataframe()}
     * @return a table of its columns, metadata ({@code epyc.*}, {@code jepyc.*}) moved last and hidden until
     *         {@link #withMetadata()}
     */
    public static Table of(DataFrame frame) {
        Objects.requireNonNull(frame, "frame");
        List<String> data = new ArrayList<>();
        List<String> meta = new ArrayList<>();
        for (String c : frame.getColumnsIndex()) {
            (isMetadata(c) ? meta : data).add(c);
        }
        data.addAll(meta);
        return new Table(frame, List.copyOf(data), false, DEFAULT_MAX_ROWS);
    }

    /**
     * @param set a result set
     * @return a table of its rows (failures included): parameters, then results, then (when asked) metadata
     */
    public static Table of(ResultSet set) {
        DataFrame frame = set.dataframe();
        List<String> order = new ArrayList<>(set.parameterNames());
        order.addAll(set.resultNames());
        order.addAll(set.metadataNames());
        List<String> present = new ArrayList<>();
        for (String c : order) {
            if (frame.getColumnsIndex().contains(c) && !present.contains(c)) {
                present.add(c);
            }
        }
        return new Table(frame, List.copyOf(present), false, DEFAULT_MAX_ROWS);
    }

    /** @return the same table with the metadata columns shown after the others */
    public Table withMetadata() {
        return new Table(frame, columns, true, maxRows);
    }

    /**
     * @param n the most rows to show whole; a longer table shows its first and last
     *          {@link #DEFAULT_END_ROWS} rows (or n/2 each when n is smaller)
     * @return the same table with that limit
     * @throws IllegalArgumentException if n is less than 1
     */
    public Table maxRows(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, got " + n);
        }
        return new Table(frame, columns, metadata, n);
    }

    /**
     * @param columns columns to order the rows by, ascending, the first one first (pandas'
     *                {@code sort_values}); the rows of a lab come in the design's shuffled order
     * @return the same table with its rows in that order
     * @throws IllegalArgumentException if a column is not in the table
     */
    public Table sortedBy(String... columns) {
        boolean[] ascending = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            if (!frame.getColumnsIndex().contains(columns[i])) {
                throw new IllegalArgumentException("No column " + columns[i] + " to sort by; the columns are "
                        + List.of(frame.getColumnsIndex().toArray()));
            }
            ascending[i] = true;
        }
        DataFrame sorted = columns.length == 0 || frame.height() == 0 ? frame : frame.sort(columns, ascending);
        return new Table(sorted, this.columns, metadata, maxRows);
    }

    /** @return the names of the columns shown, in order */
    public List<String> columns() {
        return metadata ? columns : columns.stream().filter(c -> !isMetadata(c)).toList();
    }

    /** @return the table as aligned text, one line per row, ending with a newline */
    @Override
    public String toString() {
        List<String> shown = columns();
        int height = frame.height();
        int[] rows = rowsShown(height);
        List<List<String>> cells = new ArrayList<>();   // one list per column: header, then the rows shown
        List<Boolean> right = new ArrayList<>();
        List<String> index = new ArrayList<>();
        index.add("");
        for (int r : rows) {
            index.add(r < 0 ? "..." : Integer.toString(r));
        }
        cells.add(index);
        right.add(false);
        for (String name : shown) {
            Series<?> s = frame.getColumn(name);
            List<String> col = new ArrayList<>();
            col.add(name);
            int decimals = decimals(s, rows);
            boolean numeric = true;
            for (int r : rows) {
                Object v = r < 0 ? null : s.get(r);
                col.add(r < 0 ? "..." : format(v, decimals));
                numeric &= r < 0 || v == null || v instanceof Number || v instanceof Boolean;
            }
            cells.add(col);
            right.add(numeric);
        }
        StringBuilder out = new StringBuilder();
        int[] widths = cells.stream().mapToInt(c -> c.stream().mapToInt(String::length).max().orElse(0)).toArray();
        for (int line = 0; line < rows.length + 1; line++) {
            StringBuilder l = new StringBuilder();
            for (int c = 0; c < cells.size(); c++) {
                if (c > 0) {
                    l.append("  ");
                }
                String text = cells.get(c).get(line);
                String pad = " ".repeat(widths[c] - text.length());
                l.append(right.get(c) ? pad + text : text + pad);   // numbers and their headers right-aligned, as pandas
            }
            out.append(l.toString().stripTrailing()).append('\n');
        }
        if (rows.length < height) {   // as pandas: the size is said when rows are left out
            out.append('\n').append('[').append(height).append(height == 1 ? " row x " : " rows x ")
                    .append(shown.size()).append(shown.size() == 1 ? " column" : " columns");
            int hidden = columns.size() - shown.size();
            if (hidden > 0) {
                out.append("; ").append(hidden).append(" metadata column").append(hidden == 1 ? "" : "s")
                        .append(" not shown: withMetadata()");
            }
            out.append("]\n");
        }
        return out.toString();
    }

    /** Metadata names are namespaced: epyc's start with "epyc.", jepyc's own additions with "jepyc.". */
    private static boolean isMetadata(String column) {
        return column.startsWith("epyc.") || column.startsWith("jepyc.");
    }

    /** The row numbers shown, with -1 standing for the "..." line of a long table. */
    private int[] rowsShown(int height) {
        if (height <= maxRows) {
            int[] all = new int[height];
            for (int i = 0; i < height; i++) {
                all[i] = i;
            }
            return all;
        }
        int end = Math.max(1, Math.min(DEFAULT_END_ROWS, maxRows / 2));
        int[] some = new int[2 * end + 1];
        for (int i = 0; i < end; i++) {
            some[i] = i;
            some[end + 1 + i] = height - end + i;
        }
        some[end] = -1;
        return some;
    }

    /** Decimals for a column of doubles: enough for the shown value that needs the most, at most six (pandas). */
    private static int decimals(Series<?> s, int[] rows) {
        int most = 0;
        for (int r : rows) {
            if (r >= 0 && s.get(r) instanceof Double d && Double.isFinite(d)) {
                String t = String.format(Locale.ROOT, "%.6f", d);
                int k = t.length();
                while (t.charAt(k - 1) == '0') {
                    k--;
                }
                most = Math.max(most, k - 1 - t.indexOf('.'));
            }
        }
        return Math.max(1, most);
    }

    private static String format(Object v, int decimals) {
        String text;
        if (v == null) {
            text = "";
        } else if (v instanceof Double d) {
            text = Double.isFinite(d) ? String.format(Locale.ROOT, "%." + decimals + "f", d) : PythonFloats.str(d);
        } else if (v instanceof Boolean b) {
            text = b ? "True" : "False";
        } else {
            text = v.toString();
        }
        text = text.replace('\n', ' ').replace('\r', ' ');
        return text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 3) + "..." : text;
    }
}
