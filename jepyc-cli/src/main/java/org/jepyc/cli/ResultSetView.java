package org.jepyc.cli;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.dflib.DataFrame;
import org.dflib.Series;
import org.jepyc.Complex;
import org.jepyc.ResultSet;
import org.jepyc.Table;

/** What {@code jepyc show NOTEBOOK:TAG} prints: a result set's columns, their kinds and types, and its first rows. */
final class ResultSetView {
    /** Rows shown whole; a longer set shows its first and last rows and the count. */
    static final int ROWS = 10;

    private ResultSetView() { }

    /**
     * @param tag the set's tag
     * @param rs  the set
     * @param out where to print
     */
    static void print(String tag, ResultSet rs, PrintWriter out) {
        out.printf("Result set %s: %s%n", tag, rs.description());
        out.printf("%d results, %d pending%s%n", rs.numberOfResults(), rs.numberOfPendingResults(),
                rs.isFinished() ? ", locked" : "");
        DataFrame df = rs.dataframe();
        List<String[]> columns = new ArrayList<>();
        add(columns, "parameter", rs.parameterNames(), df);
        add(columns, "result", rs.resultNames(), df);
        add(columns, "metadata", rs.metadataNames(), df);
        int width = columns.stream().mapToInt(c -> c[1].length()).max().orElse(0);
        out.println();
        out.println("Columns:");
        for (String[] c : columns) {
            out.printf("  %-9s  %-" + width + "s  %s%n", c[0], c[1], c[2]);
        }
        if (rs.numberOfResults() > 0) {
            out.println();
            out.print(Table.of(rs).maxRows(ROWS));
        }
        out.flush();
    }

    private static void add(List<String[]> columns, String kind, List<String> names, DataFrame df) {
        for (String n : names) {
            columns.add(new String[] {kind, n, df.getColumnsIndex().contains(n) ? typeOf(df.getColumn(n)) : "(no rows)"});
        }
    }

    /** The column's type by its values, in numpy's words as pandas shows them (a list column is an object column). */
    private static String typeOf(Series<?> s) {
        for (int i = 0; i < s.size(); i++) {
            Object v = s.get(i);
            if (v instanceof Long) {
                return "int64";
            } else if (v instanceof Double) {
                return "float64";
            } else if (v instanceof Boolean) {
                return "bool";
            } else if (v instanceof Complex) {
                return "complex128";
            } else if (v instanceof LocalDateTime) {
                return "datetime";
            } else if (v instanceof List) {
                return "list";
            } else if (v instanceof String) {
                return "str";
            }
        }
        return "empty";
    }
}
