package org.jepyc.dashboard;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dflib.DataFrame;
import org.dflib.Series;
import org.dflib.sort.IntComparator;
import org.dflib.sort.IntTimSort;
import org.jepyc.Experiment;

/**
 * A result set's rows as the page's table reads them: sorted, filtered and cut into pages on
 * the server, so the browser only ever gets one page. Sort orders and filter matches are kept
 * (a few of each) for as long as the rows are, so paging through a million rows sorts once.
 */
final class TableRows {
    /** How many sort orders, filter results and their combinations are kept (a million rows: 4 MB each). */
    private static final int CACHED = 8;

    private final DataFrame df;
    private final List<String> columns;
    private final Map<String, int[]> orders = lru();
    private final Map<String, BitSet> matches = lru();
    private final Map<String, int[]> views = lru();

    /**
     * @param df      every row, failures included
     * @param columns the columns to show, in order
     */
    TableRows(DataFrame df, List<String> columns) {
        this.df = df;
        this.columns = List.copyOf(columns);
    }

    /** @return the number of rows */
    int size() {
        return df.height();
    }

    /** @return the columns shown, in order */
    List<String> columns() {
        return columns;
    }

    /**
     * One page of rows.
     *
     * @param sort       the column to sort by, or null for the order of the notebook
     * @param descending true to sort from the largest
     * @param filter     a {@link RowFilter}'s text, or null
     * @param failedOnly true to keep only rows whose status is false
     * @param offset     how many matching rows to skip
     * @param limit      how many to return at most
     * @return the page
     * @throws IllegalArgumentException naming the column or clause that is wrong
     */
    Page page(String sort, boolean descending, String filter, boolean failedOnly, int offset, int limit) {
        if (sort != null && !columns.contains(sort)) {
            throw new IllegalArgumentException("No column " + sort + " to sort by");
        }
        int[] rows = rows(sort, descending, filter == null ? "" : filter, failedOnly);
        int total = rows == null ? df.height() : rows.length;
        int from = Math.min(offset, total);
        int to = (int) Math.min((long) from + limit, total);
        List<Integer> picked = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            picked.add(rows == null ? k : rows[k]);
        }
        List<List<Object>> cells = new ArrayList<>(picked.size());
        List<Series<?>> series = new ArrayList<>(columns.size());
        for (String c : columns) {
            series.add(df.getColumn(c));
        }
        for (int row : picked) {
            List<Object> r = new ArrayList<>(columns.size());
            for (Series<?> s : series) {
                r.add(Cells.cell(s.get(row)));
            }
            cells.add(r);
        }
        return new Page(total, offset, columns, picked, cells);
    }

    /**
     * @return the matching rows in order, or null for all rows in the notebook's order; kept, so
     *         every further page of the same view is a slice
     */
    private int[] rows(String sort, boolean descending, String filter, boolean failedOnly) {
        BitSet keep = keep(filter, failedOnly);
        if (sort == null && keep == null) {
            return null;
        }
        String key = sort + "\u0000" + descending + "\u0000" + failedOnly + "\u0000" + filter;
        synchronized (views) {
            int[] cached = views.get(key);
            if (cached != null) {
                return cached;
            }
        }
        int[] order = sort == null ? null : order(sort, descending);
        int[] rows = new int[keep == null ? df.height() : keep.cardinality()];
        int n = 0;
        for (int k = 0; k < df.height(); k++) {
            int row = order == null ? k : order[k];
            if (keep == null || keep.get(row)) {
                rows[n++] = row;
            }
        }
        synchronized (views) {
            views.put(key, rows);
        }
        return rows;
    }

    /**
     * The failed rows, with their exception and traceback whole.
     *
     * @param parameters the parameter names to give of each
     * @param offset how many failed rows to skip
     * @param limit  how many to return at most
     * @return row number, parameters, exception and traceback of each
     */
    List<Map<String, Object>> failures(List<String> parameters, int offset, int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        BitSet failed = keep("", true);
        if (failed == null) {
            return out;
        }
        Series<?> exception = column(Experiment.EXCEPTION);
        Series<?> traceback = column(Experiment.TRACEBACK);
        int seen = 0;
        for (int row = failed.nextSetBit(0); row >= 0 && out.size() < limit; row = failed.nextSetBit(row + 1)) {
            if (seen++ < offset) {
                continue;
            }
            Map<String, Object> point = new LinkedHashMap<>();
            for (String p : parameters) {
                if (df.getColumnsIndex().contains(p)) {
                    point.put(p, Cells.json(df.getColumn(p).get(row)));
                }
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("row", row);
            f.put("parameters", point);
            f.put("exception", exception == null ? null : Cells.json(exception.get(row)));
            f.put("traceback", traceback == null ? null : Cells.json(traceback.get(row)));
            out.add(f);
        }
        return out;
    }

    private Series<?> column(String name) {
        return df.getColumnsIndex().contains(name) ? df.getColumn(name) : null;
    }

    /** @return the rows to keep, or null for all */
    private BitSet keep(String filter, boolean failedOnly) {
        if (filter.isBlank() && !failedOnly) {
            return null;
        }
        String key = failedOnly + "\u0000" + filter;
        synchronized (matches) {
            BitSet cached = matches.get(key);
            if (cached != null) {
                return cached;
            }
        }
        BitSet rows;
        RowFilter f = RowFilter.parse(filter, columns);
        rows = f.matching(df);
        if (failedOnly) {
            Series<?> status = column(Experiment.STATUS);
            for (int i = rows.nextSetBit(0); i >= 0; i = rows.nextSetBit(i + 1)) {
                if (status != null && Boolean.TRUE.equals(status.get(i))) {
                    rows.clear(i);
                }
            }
        }
        synchronized (matches) {
            matches.put(key, rows);
        }
        return rows;
    }

    private int[] order(String column, boolean descending) {
        String key = column + "\u0000" + descending;
        synchronized (orders) {
            int[] cached = orders.get(key);
            if (cached != null) {
                return cached;
            }
        }
        int[] order = new int[df.height()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        IntTimSort.sort(order, comparator(df.getColumn(column), descending));
        synchronized (orders) {
            orders.put(key, order);
        }
        return order;
    }

    /**
     * Compares rows by one column's values, read out of the column once (a million comparisons of
     * boxed values would take seconds): numbers as numbers, the rest as text; empty cells and NaN
     * last in either direction. The sort is stable, so equal values keep the notebook's order.
     */
    private static IntComparator comparator(Series<?> s, boolean descending) {
        int n = s.size();
        int sign = descending ? -1 : 1;
        boolean numeric = true;
        for (int i = 0; i < n && numeric; i++) {
            Object v = s.get(i);
            numeric = v == null || v instanceof Number || v instanceof Boolean;
        }
        if (numeric) {
            double[] keys = new double[n];
            for (int i = 0; i < n; i++) {
                keys[i] = Cells.number(s.get(i));
            }
            return (i, j) -> {
                boolean ni = Double.isNaN(keys[i]);
                boolean nj = Double.isNaN(keys[j]);
                if (ni || nj) {
                    return ni == nj ? 0 : ni ? 1 : -1;
                }
                return sign * Double.compare(keys[i], keys[j]);
            };
        }
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            Object v = s.get(i);
            keys[i] = v == null ? null : Cells.text(v);
        }
        return (i, j) -> {
            if (keys[i] == null || keys[j] == null) {
                return keys[i] == keys[j] ? 0 : keys[i] == null ? 1 : -1;
            }
            return sign * keys[i].compareTo(keys[j]);
        };
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CACHED;
            }
        };
    }

    /**
     * One page of the table.
     *
     * @param total   rows that match the filter
     * @param offset  matching rows skipped
     * @param columns the column names
     * @param rowIds  the rows' positions in the result set
     * @param cells   the rows' cells, in column order
     */
    record Page(int total, int offset, List<String> columns, List<Integer> rowIds, List<List<Object>> cells) { }
}
