package org.jepyc.resultset;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The rows of a result set as typed columns, with epyc's schema rules: names sorted
 * within each category, a column typed by the first value it sees, the ten standard metadata
 * columns always present, result columns inferred only from successful rows, new columns
 * zero-filling earlier rows, and a failed row's result values thrown away.
 *
 * <p>A row is appended whole or not at all: if a value cannot be stored, every column is put
 * back as it was before the exception leaves. Rows come in as {@link ResultRow}s and go out
 * through a {@link RowMaker}, so the table never names the API's results dict; a value it
 * cannot store is refused with an {@link UnstorableValueException}, a row without a status with
 * a {@link MalformedRowException}.
 */
public final class ResultTable {

    /**
     * Makes the caller's row object from a row's three maps.
     *
     * @param <R> the row type, such as the API's results dict
     */
    @FunctionalInterface
    public interface RowMaker<R> {
        /**
         * @param parameters the row's parameters, a new modifiable map
         * @param metadata   its metadata, a new modifiable map
         * @param results    its results (empty for a failed row), a new modifiable map
         * @return the row
         */
        R make(Map<String, Object> parameters, Map<String, Object> metadata, Map<String, Object> results);
    }

    private final Map<Category, ColumnGroup> groups = new EnumMap<>(Category.class);
    private int rows;

    /** Creates an empty table with no columns. */
    public ResultTable() {
        for (Category c : Category.values()) {
            groups.put(c, new ColumnGroup());
        }
    }

    /** @return the number of rows */
    public int rows() { return rows; }

    /**
     * @param category a category
     * @return its column names, sorted
     */
    public List<String> names(Category category) { return groups.get(category).names(); }

    /**
     * @param category a category
     * @param name     a column name
     * @return the column, or null if there is none
     */
    public Column column(Category category, String name) { return groups.get(category).get(name); }

    /** @return every column in canonical order: metadata, parameters, results, each sorted */
    public List<ColumnRef> columns() {
        List<ColumnRef> out = new ArrayList<>();
        for (Category c : Category.values()) {
            ColumnGroup g = groups.get(c);
            for (int i = 0; i < g.size(); i++) {
                out.add(new ColumnRef(c, g.name(i), g.column(i)));
            }
        }
        return out;
    }

    /**
     * Appends a flat row.
     *
     * @param rd a row with a boolean status in its metadata
     * @throws UnstorableValueException if a value cannot be stored; nothing is added
     * @throws MalformedRowException    if the metadata has no boolean status
     */
    public void append(ResultRow rd) {
        appendAll(List.of(rd));
    }

    /**
     * Appends flat rows, all or none: if one cannot be stored, the rows and columns this call
     * added are taken away again before the exception leaves (the runs of one experiment are
     * one result).
     *
     * @param rds rows, each with a boolean status in its metadata
     * @throws UnstorableValueException if a value cannot be stored; nothing is added
     * @throws MalformedRowException    if a row's metadata has no boolean status
     */
    public void appendAll(List<? extends ResultRow> rds) {
        int start = rows;
        List<ColumnRef> added = new ArrayList<>();
        List<ColumnRef> widened = new ArrayList<>();
        try {
            for (ResultRow rd : rds) {
                appendRow(rd, added, widened);
            }
        } catch (RuntimeException e) {
            rows = start;
            undo(added, widened);
            throw e;
        }
    }

    private void appendRow(ResultRow rd, List<ColumnRef> added, List<ColumnRef> widened) {
        Map<String, Object> metadata = rd.metadata();
        if (!(metadata.get(StandardMetadata.STATUS) instanceof Boolean status)) {
            throw new MalformedRowException(rd, "its metadata has no boolean " + StandardMetadata.STATUS);
        }
        extend(Category.METADATA, metadata, added);
        extend(Category.PARAMETERS, rd.parameters(), added);
        if (status) {
            extend(Category.RESULTS, rd.results(), added);
        }
        fill(Category.METADATA, metadata, widened);
        fill(Category.PARAMETERS, rd.parameters(), widened);
        fill(Category.RESULTS, status ? rd.results() : Map.of(), widened);
        rows++;
    }

    /**
     * Appends {@code n} rows given column by column, as a storage format reads them: much
     * faster than a results dict per row. Columns not named get the zero of their type; named
     * columns the table lacks are added (earlier rows zero-filled), and the ten standard
     * metadata columns are added with the first rows, as {@link #append} does. Values are
     * taken as stored: no type inference, and a failed row keeps whatever result values it
     * is given (files hold zeros there).
     *
     * @param n       the number of rows
     * @param columns the values, at most one entry per column
     * @throws IllegalArgumentException if a column is named twice, is too short, or holds
     *                                  another type than the table's column of that name; the
     *                                  table is then unchanged
     */
    public void appendColumns(int n, List<ColumnValues> columns) {
        if (n < 0) {
            throw new IllegalArgumentException("negative row count " + n);
        }
        Map<Column, ColumnValues> given = new java.util.IdentityHashMap<>();
        List<ColumnRef> added = new ArrayList<>();
        try {
            if (n > 0 && groups.get(Category.METADATA).size() == 0) {
                for (Map.Entry<String, ValueType> std : StandardMetadata.TYPES.entrySet()) {
                    addColumn(Category.METADATA, groups.get(Category.METADATA), std.getKey(),
                            Column.create(std.getValue(), rows), added);
                }
            }
            for (ColumnValues cv : columns) {
                if (cv.length() < n) {
                    throw new IllegalArgumentException("column " + cv.name() + " has " + cv.length()
                            + " values, fewer than " + n);
                }
                ColumnGroup g = groups.get(cv.category());
                Column c = g.get(cv.name());
                if (c == null) {
                    c = Column.create(cv.type(), rows);
                    addColumn(cv.category(), g, cv.name(), c, added);
                } else if (!c.type().equals(cv.type())) {
                    throw new IllegalArgumentException("column " + cv.name() + " holds " + c.type()
                            + " values, not " + cv.type());
                }
                if (given.put(c, cv) != null) {
                    throw new IllegalArgumentException("column " + cv.name() + " given twice");
                }
            }
            for (ColumnGroup g : groups.values()) {
                for (int i = 0; i < g.size(); i++) {
                    Column c = g.column(i);
                    ColumnValues cv = given.get(c);
                    if (cv != null) {
                        c.appendArray(cv.values(), n);
                    } else {
                        for (int k = 0; k < n; k++) {
                            c.appendZero();
                        }
                    }
                }
            }
            rows += n;
        } catch (RuntimeException e) {
            undo(added, List.of());
            throw e;
        }
    }

    /**
     * Adds a parameter column that a pending result introduced, zero-filled: the results
     * and the pending jobs share one parameter schema, so a file's pending table and results table
     * always agree on the parameters.
     *
     * @param name  the parameter name
     * @param value a canonical value giving its type
     */
    public void addParameter(String name, Object value) {
        ColumnGroup g = groups.get(Category.PARAMETERS);
        if (g.get(name) == null) {
            g.add(name, Column.create(ValueType.of(value), rows));
        }
    }

    /**
     * Checks that a parameter column can hold a value, widening integers to floats if needed.
     *
     * @param name  the parameter name
     * @param value a canonical value
     */
    public void checkParameter(String name, Object value) {
        admit(Category.PARAMETERS, groups.get(Category.PARAMETERS), name, value, null);
    }

    private void extend(Category category, Map<String, Object> values, List<ColumnRef> added) {
        ColumnGroup g = groups.get(category);
        boolean first = category == Category.METADATA && g.size() == 0;
        if (first) {
            for (Map.Entry<String, ValueType> std : StandardMetadata.TYPES.entrySet()) {
                addColumn(category, g, std.getKey(), Column.create(std.getValue(), rows), added);
            }
        }
        if (g.knowsAll(values.keySet())) {
            return;
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (g.get(e.getKey()) == null) {
                String label = category == Category.METADATA ? "metadata " + e.getKey() : e.getKey();
                ValueType declared = category == Category.METADATA ? StandardMetadata.TYPES.get(e.getKey()) : null;
                ValueType type = declared != null ? declared : ValueType.of(Values.normalise(label, e.getValue()));
                addColumn(category, g, e.getKey(), Column.create(type, rows), added);
            }
        }
    }

    private void addColumn(Category category, ColumnGroup g, String name, Column column, List<ColumnRef> added) {
        if (name == null || name.isBlank()) {
            throw new UnstorableValueException("A " + category.name().toLowerCase()
                    + " name is null or blank: every name must be a non-blank string");
        }
        g.add(name, column);
        added.add(new ColumnRef(category, name, column));
    }

    private void fill(Category category, Map<String, Object> values, List<ColumnRef> widened) {
        ColumnGroup g = groups.get(category);
        for (int i = 0; i < g.size(); i++) {
            String name = g.name(i);
            Object v = values.get(name);
            if (v == null) {
                if (values.containsKey(name)) {
                    throw Values.unsupported(name, null);
                }
                g.column(i).appendZero();
            } else {
                admit(category, g, name, v, widened).append(v);
            }
        }
    }

    /**
     * @param widened where to record an integer column replaced by a float one, so that a row
     *                that fails later can put it back; null if the caller cannot fail after this
     */
    private Column admit(Category category, ColumnGroup g, String name, Object v, List<ColumnRef> widened) {
        Column c = g.get(name);
        if (c.accepts(v)) {
            return c;
        }
        if (c instanceof LongColumn l && (v instanceof Double || v instanceof Float)) {
            // a column typed int by its first value meets a fraction: widen it rather than refuse
            DoubleColumn d = l.toDoubles();
            g.replace(name, d);
            if (widened != null) {
                widened.add(new ColumnRef(category, name, l));
            }
            return d;
        }
        Object canonical = Values.normaliseOrNull(v);
        if (canonical != null && c.accepts(canonical)) {
            return c;
        }
        throw new UnstorableValueException("Column " + name + " (" + category.name().toLowerCase() + ") holds "
                + c.type() + " values and cannot store " + v + " of type " + v.getClass().getName());
    }

    private void undo(List<ColumnRef> added, List<ColumnRef> widened) {
        // a failed row leaves no trace: integer columns it widened get their integers back
        for (ColumnRef ref : widened) {
            groups.get(ref.category()).replace(ref.name(), ref.column());
        }
        for (ColumnRef ref : added) {
            groups.get(ref.category()).remove(ref.name());
        }
        for (ColumnGroup g : groups.values()) {
            for (int i = 0; i < g.size(); i++) {
                g.column(i).truncate(rows);
            }
        }
    }

    /**
     * @param row a row index
     * @return true if the row's status is true
     */
    public boolean succeeded(int row) {
        Column status = column(Category.METADATA, StandardMetadata.STATUS);
        return status != null && ((BoolColumn) status).getBool(row);
    }

    /**
     * Rebuilds a row: every known name with its zero-fill, and results only for a successful
     * row.
     *
     * @param <R>          the caller's row type
     * @param row          a row index
     * @param complexCells what each complex cell becomes in the row (the caller's complex type: an
     *                     empty cell holds the engine's {@link ComplexValue#ZERO})
     * @param make         makes the row from its maps
     * @return the row
     */
    public <R> R row(int row, UnaryOperator<Object> complexCells, RowMaker<R> make) {
        Map<String, Object> m = values(Category.METADATA, row, complexCells);
        Map<String, Object> p = values(Category.PARAMETERS, row, complexCells);
        Map<String, Object> r = succeeded(row) ? values(Category.RESULTS, row, complexCells) : new LinkedHashMap<>();
        return make.make(p, m, r);
    }

    private Map<String, Object> values(Category category, int row, UnaryOperator<Object> complexCells) {
        ColumnGroup g = groups.get(category);
        Map<String, Object> out = new LinkedHashMap<>(g.size() * 2);
        for (int i = 0; i < g.size(); i++) {
            Column c = g.column(i);
            Object v = c.get(row);
            // a class test, not an interface one: instanceof an interface is slow on every plain cell
            out.put(g.name(i), c instanceof ObjectColumn o && o.type().kind() == ValueType.Kind.COMPLEX
                    ? complexCells.apply(v) : v);
        }
        return out;
    }
}
