package org.jepyc.json;

import java.io.IOException;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;

/**
 * The layout of Python's {@code json.dump(obj, f, indent=4)}, which epyc uses: every member and
 * array element on its own line, four spaces per level, {@code ": "} between key and value,
 * {@code ","} at line ends, and empty containers as {@code {}} and {@code []}. Jackson's default
 * printer differs ({@code " : "}, {@code { }}, arrays on one line). One instance per generator.
 */
final class PythonPrettyPrinter implements PrettyPrinter {
    private static final int INDENT = 4;
    private char[] newline = newline(64);
    private int depth;

    private static char[] newline(int levels) {
        char[] c = new char[1 + levels * INDENT];
        Arrays.fill(c, ' ');
        c[0] = '\n';
        return c;
    }

    private void newlineAndIndent(JsonGenerator g) throws IOException {
        if (1 + depth * INDENT > newline.length) {
            newline = newline(depth * 2);
        }
        g.writeRaw(newline, 0, 1 + depth * INDENT);
    }

    @Override public void writeRootValueSeparator(JsonGenerator g) { }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        open(g, '{');
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        newlineAndIndent(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        separate(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        close(g, entries, '}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        open(g, '[');
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        newlineAndIndent(g);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        separate(g);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        close(g, values, ']');
    }

    // Objects and arrays lay out alike: a member per line, the closing bracket on a line of its
    // own unless the container is empty ("{}", "[]"), as Python's json.dump(indent=...) writes.
    private void open(JsonGenerator g, char bracket) throws IOException {
        g.writeRaw(bracket);
        depth++;
    }

    private void separate(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newlineAndIndent(g);
    }

    private void close(JsonGenerator g, int members, char bracket) throws IOException {
        depth--;
        if (members > 0) {
            newlineAndIndent(g);
        }
        g.writeRaw(bracket);
    }
}
