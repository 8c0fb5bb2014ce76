package org.jepyc.json;

import org.jepyc.resultset.PythonFloats;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import org.jepyc.Complex;
import org.jepyc.Experiment;
import org.jepyc.NotebookException;
import org.jepyc.ResultSet;
import org.jepyc.resultset.BoolColumn;
import org.jepyc.resultset.Category;
import org.jepyc.resultset.Column;
import org.jepyc.resultset.DoubleColumn;
import org.jepyc.resultset.LongColumn;
import org.jepyc.resultset.ResultTable;
import org.jepyc.resultset.StringColumn;
import org.jepyc.resultset.Timestamps;
import org.jepyc.resultset.ValueType;
import org.jepyc.storage.NotebookState;

/**
 * Streams a notebook to epyc's version-2 JSON layout (§12.2), straight from the typed columns:
 * each row is rebuilt as {@code parameters}, {@code metadata}, {@code results} with every known
 * name (zero-filled cells included) and {@code {}} as the results of a failed row.
 */
final class JsonNotebookWriter {
    private final String file;
    private final JsonGenerator g;

    private JsonNotebookWriter(String file, JsonGenerator g) {
        this.file = file;
        this.g = g;
    }

    /**
     * Refuses, before anything is written, a notebook holding values JSON cannot carry.
     *
     * @param file  the notebook file, for the message
     * @param state the notebook
     * @throws NotebookException naming the result set and column of a complex value
     */
    static void check(String file, NotebookState state) {
        for (String tag : state.tags()) {
            for (var ref : state.table(tag).columns()) {
                ValueType t = ref.type();
                if (t.kind() == ValueType.Kind.COMPLEX
                        || t.element().map(e -> e.kind() == ValueType.Kind.COMPLEX).orElse(false)) {
                    throw complex(file, tag, ref.category().name().toLowerCase() + " column " + ref.name());
                }
            }
        }
    }

    private static NotebookException complex(String file, String tag, String where) {
        return new NotebookException("Cannot commit notebook " + file + ": result set " + tag + " holds complex numbers in "
                + where + ", which epyc's JSON format cannot store (Python's json refuses complex too). "
                + "Store the real and imaginary parts as two float results, or use an HDF5 notebook. "
                + "The previously committed file is unchanged.");
    }

    /**
     * @param file    the notebook file, for messages
     * @param state   the notebook
     * @param creator the creator text
     * @param out     where the UTF-8 JSON goes (not closed)
     * @throws IOException if writing fails
     */
    static void write(String file, NotebookState state, String creator, OutputStream out) throws IOException {
        try (JsonGenerator g = JsonFormat.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new PythonPrettyPrinter());
            new JsonNotebookWriter(file, g).notebook(state, creator);
        }
    }

    private void notebook(NotebookState state, String creator) throws IOException {
        g.writeStartObject();
        g.writeStringField(JsonFormat.CREATOR, creator);
        g.writeStringField(JsonFormat.VERSION_KEY, JsonFormat.VERSION);
        g.writeStringField(JsonFormat.DESCRIPTION, state.description());
        g.writeStringField(JsonFormat.CURRENT, state.currentTag());
        g.writeBooleanField(JsonFormat.LOCKED, state.isLocked());
        g.writeFieldName(JsonFormat.RESULTSETS);
        g.writeStartObject();
        for (String tag : state.tags()) {
            g.writeFieldName(tag);
            resultSet(tag, state.resultSet(tag), state.table(tag));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private void resultSet(String tag, ResultSet rs, ResultTable t) throws IOException {
        String[] pn = t.names(Category.PARAMETERS).toArray(new String[0]);
        String[] mn = t.names(Category.METADATA).toArray(new String[0]);
        String[] rn = t.names(Category.RESULTS).toArray(new String[0]);
        Column[] pc = columns(t, Category.PARAMETERS, pn);
        Column[] mc = columns(t, Category.METADATA, mn);
        Column[] rc = columns(t, Category.RESULTS, rn);
        BoolColumn status = (BoolColumn) t.column(Category.METADATA, Experiment.STATUS);

        g.writeStartObject();
        g.writeFieldName(JsonFormat.RESULTS);
        g.writeStartArray();
        for (int row = 0, n = t.rows(); row < n; row++) {
            g.writeStartObject();
            g.writeFieldName(Experiment.PARAMETERS);
            cells(tag, pn, pc, row);
            g.writeFieldName(Experiment.METADATA);
            cells(tag, mn, mc, row);
            g.writeFieldName(Experiment.RESULTS);
            if (status != null && status.getBool(row)) {
                cells(tag, rn, rc, row);
            } else {
                // epyc stores no results for a failed or cancelled row
                g.writeStartObject();
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeFieldName(JsonFormat.PENDING);
        g.writeStartObject();
        for (String job : rs.pendingResults()) {
            Map<String, Object> p = rs.pendingResultParameters(job);
            g.writeFieldName(job);
            g.writeStartObject();
            // every known parameter, zero-filled, as epyc's pending table holds them: a loader
            // (epyc's or ours) refuses a pending job lacking a parameter the rows have
            for (int i = 0; i < pn.length; i++) {
                Object v = p.get(pn[i]);
                g.writeFieldName(pn[i]);
                value(tag, "pending job " + job, v != null ? v : pc[i].type().zero());
            }
            g.writeEndObject();
        }
        g.writeEndObject();

        for (String k : rs.attributeNames()) {
            g.writeFieldName(k);
            value(tag, "attribute " + k, rs.getAttribute(k));
        }
        g.writeStringField(JsonFormat.DESCRIPTION, rs.description());
        g.writeBooleanField(JsonFormat.LOCKED, rs.isLocked());
        g.writeEndObject();
    }

    private static Column[] columns(ResultTable t, Category c, String[] names) {
        Column[] out = new Column[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = t.column(c, names[i]);
        }
        return out;
    }

    private void cells(String tag, String[] names, Column[] cols, int row) throws IOException {
        g.writeStartObject();
        for (int i = 0; i < names.length; i++) {
            g.writeFieldName(names[i]);
            Column c = cols[i];
            if (c instanceof DoubleColumn d) {
                g.writeNumber(PythonFloats.repr(d.getDouble(row)));
            } else if (c instanceof LongColumn l) {
                g.writeNumber(l.getLong(row));
            } else if (c instanceof BoolColumn b) {
                g.writeBoolean(b.getBool(row));
            } else if (c instanceof StringColumn s) {
                g.writeString((String) s.get(row));
            } else {
                value(tag, "column " + names[i], c.get(row));
            }
        }
        g.writeEndObject();
    }

    private void value(String tag, String where, Object v) throws IOException {
        if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(PythonFloats.repr(d));
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof LocalDateTime t) {
            g.writeString(Timestamps.format(t));
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object e : list) {
                value(tag, where, e);
            }
            g.writeEndArray();
        } else if (v instanceof Complex) {
            throw complex(file, tag, where);
        } else {
            throw new NotebookException("Cannot commit notebook " + file + ": result set " + tag + " holds " + v
                    + " (" + (v == null ? "null" : v.getClass().getName()) + ") in " + where
                    + ", which has no JSON form. The previously committed file is unchanged.");
        }
    }
}
