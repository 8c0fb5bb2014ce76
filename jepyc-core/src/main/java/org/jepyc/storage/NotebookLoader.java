package org.jepyc.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jepyc.ResultSet;
import org.jepyc.ResultsDict;
import org.jepyc.resultset.Category;
import org.jepyc.resultset.ColumnValues;

/**
 * What a storage format calls to rebuild a notebook it reads. Results, pending jobs and
 * attributes go in through the {@link ResultSet} API; a set stored as locked is locked with
 * {@link ResultSet#finish()} after its rows and jobs are in.
 */
public interface NotebookLoader {

    /** @param description the notebook's stored description */
    void description(String description);

    /**
     * @param tag         a stored result set's tag (the default set is reused, others created in order)
     * @param description its stored description
     * @return the set to fill
     */
    ResultSet resultSet(String tag, String description);

    /** @param tag the stored current result set */
    void current(String tag);

    /** Marks the notebook as locked, as it was stored. */
    void locked();

    /**
     * Adds {@code n} stored rows to a set at once, column by column (see
     * {@link org.jepyc.resultset.ResultTable#appendColumns}). The notebook's own loader does
     * this without a results dict per row; this default, for other loaders, adds row by row.
     *
     * @param into    a set this loader returned
     * @param n       the number of rows
     * @param columns the stored values
     */
    default void appendRows(ResultSet into, int n, List<ColumnValues> columns) {
        for (int i = 0; i < n; i++) {
            Map<Category, Map<String, Object>> row = new java.util.EnumMap<>(Category.class);
            for (Category c : Category.values()) {
                row.put(c, new LinkedHashMap<>());
            }
            for (ColumnValues cv : columns) {
                row.get(cv.category()).put(cv.name(), java.lang.reflect.Array.get(cv.values(), i));
            }
            into.addSingleResult(new ResultsDict(row.get(Category.PARAMETERS), row.get(Category.METADATA),
                    row.get(Category.RESULTS)));
        }
    }
}
