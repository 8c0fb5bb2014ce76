package org.jepyc.json;

import org.jepyc.resultset.PythonFloats;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import org.jepyc.Experiment;
import org.jepyc.NotebookException;
import org.jepyc.resultset.BoolColumn;
import org.jepyc.resultset.Category;
import org.jepyc.resultset.Column;
import org.jepyc.resultset.ColumnRef;
import org.jepyc.resultset.ComplexValue;
import org.jepyc.resultset.DoubleColumn;
import org.jepyc.resultset.LongColumn;
import org.jepyc.resultset.StringColumn;
import org.jepyc.resultset.Timestamps;
import org.jepyc.resultset.ValueType;
import org.jepyc.storage.Commit;
import org.jepyc.storage.NotebookHeader;
import org.jepyc.storage.PendingJob;
import org.jepyc.storage.Rows;
import org.jepyc.storage.SetCommit;
import org.jepyc.storage.SetSnapshot;

/**
 * Streams a notebook to epyc's version-2 JSON layout, straight from the typed columns:
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
     * @param commit the notebook
     * @throws NotebookException naming the result set and column of a complex value
     */
    static void check(String file, Commit commit) {
        for (SetCommit sc : commit.sets()) {
            for (ColumnRef ref : sc.now().rows().columns()) {
                ValueType t = ref.type();
                if (t.kind() == ValueType.Kind.COMPLEX
                        || t.element().map(e -> e.kind() == ValueType.Kind.COMPLEX).orElse(false)) {
                    throw complex(file, sc.tag(), ref.category().name().toLowerCase() + " column " + ref.name());
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
     * @param commit  the notebook, written whole
     * @param creator the creator text
     * @param out     where the UTF-8 JSON goes (not closed)
     * @throws IOException if writing fails
     */
    static void write(String file, Commit commit, String creator, OutputStream out) throws IOException {
        try (JsonGenerator g = JsonFormat.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new PythonPrettyPrinter());
            new JsonNotebookWriter(file, g).notebook(commit, creator);
        }
    }

    private void notebook(Commit commit, String creator) throws IOException {
        NotebookHeader state = commit.header();
        g.writeStartObject();
        g.writeStringField(JsonFormat.CREATOR, creator);
        g.writeStringField(JsonFormat.VERSION_KEY, JsonFormat.VERSION);
        g.writeStringField(JsonFormat.DESCRIPTION, state.description());
        g.writeStringField(JsonFormat.CURRENT, state.currentTag());
        g.writeBooleanField(JsonFormat.LOCKED, state.locked());
        g.writeFieldName(JsonFormat.RESULTSETS);
        g.writeStartObject();
        for (SetCommit sc : commit.sets()) {
            g.writeFieldName(sc.tag());
            resultSet(sc.tag(), sc.now());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private void resultSet(String tag, SetSnapshot rs) throws IOException {
        Rows t = rs.rows();
        String[] pn = names(t, Category.PARAMETERS);
        String[] mn = names(t, Category.METADATA);
        String[] rn = names(t, Category.RESULTS);
        Column[] pc = columns(t, Category.PARAMETERS);
        Column[] mc = columns(t, Category.METADATA);
        Column[] rc = columns(t, Category.RESULTS);
        BoolColumn status = null;
        for (int i = 0; i < mn.length; i++) {
            if (mn[i].equals(Experiment.STATUS)) {
                status = (BoolColumn) mc[i];
            }
        }

        g.writeStartObject();
        g.writeFieldName(JsonFormat.RESULTS);
        g.writeStartArray();
        for (int row = 0, n = t.count(); row < n; row++) {
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
        for (PendingJob pj : rs.pending()) {
            String job = pj.jobId();
            Map<String, Object> p = pj.parameters();
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

        for (Map.Entry<String, Object> a : rs.attributes().entrySet()) {
            g.writeFieldName(a.getKey());
            value(tag, "attribute " + a.getKey(), a.getValue());
        }
        g.writeStringField(JsonFormat.DESCRIPTION, rs.description());
        g.writeBooleanField(JsonFormat.LOCKED, rs.locked());
        g.writeEndObject();
    }

    /** @return a category's column names, in the canonical order the rows hold them */
    private static String[] names(Rows t, Category c) {
        return t.columns().stream().filter(r -> r.category() == c).map(ColumnRef::name).toArray(String[]::new);
    }

    private static Column[] columns(Rows t, Category c) {
        return t.columns().stream().filter(r -> r.category() == c).map(ColumnRef::column).toArray(Column[]::new);
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
        } else if (v instanceof ComplexValue) {
            throw complex(file, tag, where);
        } else {
            throw new NotebookException("Cannot commit notebook " + file + ": result set " + tag + " holds " + v
                    + " (" + (v == null ? "null" : v.getClass().getName()) + ") in " + where
                    + ", which has no JSON form. The previously committed file is unchanged.");
        }
    }
}
