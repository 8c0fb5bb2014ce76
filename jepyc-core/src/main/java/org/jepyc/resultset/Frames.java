package org.jepyc.resultset;

import java.util.List;

import org.dflib.ColumnDataFrame;
import org.dflib.DataFrame;
import org.dflib.Index;
import org.dflib.Series;

/** Builds detached DFLib data frames from result tables: one column per name, canonical order. */
public final class Frames {

    private Frames() { }

    /**
     * @param table the rows
     * @param rows  the row indices to take, in order, or null for all
     * @return a data frame of those rows; with no rows at all, a frame with no columns (as epyc)
     */
    public static DataFrame of(ResultTable table, int[] rows) {
        if (table.rows() == 0) {
            return DataFrame.empty();
        }
        List<ColumnRef> refs = table.columns();
        String[] names = new String[refs.size()];
        Series<?>[] series = new Series<?>[refs.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = refs.get(i).name();
            series[i] = refs.get(i).column().toSeries(rows);
        }
        return new ColumnDataFrame(null, Index.ofDeduplicated(names), series);
    }
}
