package org.jepyc.cli;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.dflib.DataFrame;
import org.jepyc.Complex;
import org.jepyc.resultset.PythonText;
import org.jepyc.resultset.Timestamps;

/**
 * Data frames as text other tools read: CSV in the form pandas' {@code to_csv} writes (booleans
 * {@code True}/{@code False}, floats in Python's repr, date-times with a space, lists as Python
 * lists), and JSON as an array of row objects.
 */
final class TableText {

    private TableText() { }

    /**
     * @param df the rows
     * @param w  where to write
     * @throws IOException if writing fails
     */
    static void csv(DataFrame df, Writer w) throws IOException {
        String[] names = df.getColumnsIndex().toArray();
        for (int c = 0; c < names.length; c++) {
            w.write((c > 0 ? "," : "") + quote(names[c]));
        }
        w.write('\n');
        for (int r = 0; r < df.height(); r++) {
            for (int c = 0; c < names.length; c++) {
                w.write((c > 0 ? "," : "") + quote(cell(df.getColumn(c).get(r))));
            }
            w.write('\n');
        }
    }

    /**
     * @param df the rows
     * @param w  where to write
     * @throws IOException if writing fails
     */
    static void json(DataFrame df, Writer w) throws IOException {
        String[] names = df.getColumnsIndex().toArray();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);   // the caller owns the writer
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (int r = 0; r < df.height(); r++) {
                g.writeStartObject();
                for (int c = 0; c < names.length; c++) {
                    g.writeFieldName(names[c]);
                    jsonValue(g, df.getColumn(c).get(r));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        w.write('\n');
    }

    private static void jsonValue(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeNull();
            }
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object e : l) {
                jsonValue(g, e);
            }
            g.writeEndArray();
        } else if (v instanceof LocalDateTime t) {
            g.writeString(Timestamps.format(t));
        } else if (v instanceof Complex z) {
            g.writeStartArray();
            g.writeNumber(z.re());
            g.writeNumber(z.im());
            g.writeEndArray();
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    /** A cell as pandas writes it: Python's str(), and nothing for a missing float (NaN). */
    private static String cell(Object v) {
        return v instanceof Double d && d.isNaN() ? "" : PythonText.str(v);
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
