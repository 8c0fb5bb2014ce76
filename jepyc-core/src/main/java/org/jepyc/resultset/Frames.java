package org.jepyc.resultset;

import java.util.List;
import java.util.function.UnaryOperator;

import org.dflib.ColumnDataFrame;
import org.dflib.DataFrame;
import org.dflib.Index;
import org.dflib.Series;

/** Builds detached DFLib data frames from result tables: one column per name, canonical order. */
public final class Frames {

    private Frames() { }

    /**
     * @param table        the rows
     * @param rows         the row indices to take, in order, or null for all
     * @param complexCells what each cell of a complex column becomes in the frame (the caller's
     *                     complex type: an empty cell holds the engine's {@link ComplexValue#ZERO})
     * @return a data frame of those rows; with no rows at all, a frame with no columns (as epyc)
     */
    public static DataFrame of(ResultTable table, int[] rows, UnaryOperator<Object> complexCells) {
        if (table.rows() == 0) {
            return DataFrame.empty();
        }
        List<ColumnRef> refs = table.columns();
        String[] names = new String[refs.size()];
        Series<?>[] series = new Series<?>[refs.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = refs.get(i).name();
            Column c = refs.get(i).column();
            series[i] = c.type().kind() == ValueType.Kind.COMPLEX
                    ? ((ObjectColumn) c).toSeries(rows, complexCells) : c.toSeries(rows);
        }
        return new ColumnDataFrame(null, Index.ofDeduplicated(names), series);
    }
}
