package org.jepyc.json;

import org.jepyc.resultset.Timestamps;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import org.jepyc.Experiment;
import org.jepyc.NotebookException;
import org.jepyc.NotebookFormatException;
import org.jepyc.NotebookVersionException;
import org.jepyc.ResultsDict;
import org.jepyc.resultset.ResultTable;
import org.jepyc.storage.PendingJob;
import org.jepyc.storage.StoredNotebook;
import org.jepyc.storage.StoredSet;

/**
 * Reads epyc's version-2 JSON layout with a streaming parser into a small staging model, checks
 * its shape, then builds the {@link StoredNotebook} the notebook takes. A set's own keys
 * ({@code results}, {@code pending-results}, {@code description}, {@code locked}) are never read
 * as attributes, though epyc reads them so. Only {@code start_time} and {@code end_time} are
 * read back as date-times.
 */
final class JsonNotebookReader {
    private final String file;
    private final JsonParser p;

    /** One result set as stored. */
    private static final class SetData {
        final String tag;
        final List<ResultsDict> rows = new ArrayList<>();
        final Map<String, Map<String, Object>> pending = new LinkedHashMap<>();
        final Map<String, Object> attributes = new LinkedHashMap<>();
        String description;
        boolean locked;

        SetData(String tag) {
            this.tag = tag;
        }
    }

    /** The notebook as stored. */
    private static final class Doc {
        boolean versionSeen;
        boolean resultsKey;
        String description;
        String current;
        boolean locked;
        List<SetData> sets;
    }

    private JsonNotebookReader(String file, JsonParser p) {
        this.file = file;
        this.p = p;
    }

    /**
     * @param file the file's name, for messages
     * @param in   its bytes (not empty)
     * @return the notebook the file holds
     * @throws NotebookFormatException  if the file is not a version-2 epyc JSON notebook
     * @throws NotebookVersionException if it is another version of the format
     * @throws IOException              if reading fails
     */
    static StoredNotebook read(String file, InputStream in) throws IOException {
        Doc doc;
        try (JsonParser p = JsonFormat.FACTORY.createParser(in)) {
            doc = new JsonNotebookReader(file, p).document();
        } catch (JsonParseException e) {
            String m = String.valueOf(e.getOriginalMessage());
            if (e instanceof JsonEOFException || m.contains("end-of-input")) {
                throw new NotebookFormatException("Notebook " + file + " is truncated (the JSON ends early: " + m
                        + at(e.getLocation()) + "); it is damaged and was left as it is", e);
            }
            throw new NotebookFormatException("Notebook " + file + " is not valid JSON: " + m
                    + at(e.getLocation()) + "; it was left as it is", e);
        } catch (StreamConstraintsException e) {
            throw new NotebookFormatException("Notebook " + file + " is not valid JSON: " + e.getOriginalMessage()
                    + at(e.getLocation()) + "; it was left as it is", e);
        }
        return new JsonNotebookReader(file, null).stored(doc);
    }

    private static String at(JsonLocation l) {
        return l == null ? "" : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
    }

    private NotebookFormatException shape(String problem) {
        return new NotebookFormatException("Notebook " + file + " is not an epyc JSON notebook: " + problem
                + at(p.currentLocation()) + "; it was left as it is");
    }

    private Doc document() throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new NotebookFormatException("Notebook " + file + " is truncated: it holds only whitespace, "
                    + "no JSON value; it was left as it is");
        }
        if (first != JsonToken.START_OBJECT) {
            throw shape("the top level is " + describe(p.currentToken()) + ", not an object");
        }
        Doc d = new Doc();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            switch (key) {
                case JsonFormat.VERSION_KEY:
                    if (t != JsonToken.VALUE_STRING || !JsonFormat.VERSION.equals(p.getText())) {
                        String actual = t == JsonToken.VALUE_STRING ? p.getText() : p.getText() + " (not a string)";
                        throw new NotebookVersionException(file, JsonFormat.VERSION, actual,
                                "jepyc reads epyc's JSON format version \"2\" only; the file was left as it is");
                    }
                    d.versionSeen = true;
                    break;
                case JsonFormat.DESCRIPTION:
                    d.description = string(t, "the notebook description");
                    break;
                case JsonFormat.CURRENT:
                    d.current = string(t, "the current result set");
                    break;
                case JsonFormat.LOCKED:
                    d.locked = bool(t, "the notebook lock");
                    break;
                case JsonFormat.RESULTSETS:
                    if (t != JsonToken.START_OBJECT) {
                        throw shape("\"resultsets\" is " + describe(t) + ", not an object");
                    }
                    d.sets = new ArrayList<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String tag = p.currentName();
                        d.sets.add(resultSet(tag));
                    }
                    break;
                case JsonFormat.RESULTS:
                    d.resultsKey = true;
                    p.skipChildren();
                    break;
                default:
                    p.skipChildren();   // "creator" and anything a later writer adds
            }
        }
        if (p.nextToken() != null) {
            throw shape("there is more data after the notebook's closing brace");
        }
        if (!d.versionSeen) {
            if (d.resultsKey && d.sets == null) {
                throw new NotebookVersionException(file, JsonFormat.VERSION, "1",
                        "it has no \"version\" key, so it is in epyc's version-1 JSON layout, which jepyc does not "
                                + "read (epyc 1.7.2 cannot load it either); the file was left as it is");
            }
            throw shape("it has no \"version\" key");
        }
        if (d.sets == null) {
            throw shape("it has no \"resultsets\" object");
        }
        return d;
    }

    private SetData resultSet(String tag) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw shape("result set " + tag + " is " + describe(p.currentToken()) + ", not an object");
        }
        SetData s = new SetData(tag);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            switch (key) {
                case JsonFormat.RESULTS:
                    if (t != JsonToken.START_ARRAY) {
                        throw shape("\"results\" of result set " + tag + " is " + describe(t) + ", not an array");
                    }
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        s.rows.add(resultsDict(tag, s.rows.size()));
                    }
                    break;
                case JsonFormat.PENDING:
                    if (t != JsonToken.START_OBJECT) {
                        throw shape("\"pending-results\" of result set " + tag + " is " + describe(t) + ", not an object");
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String job = p.currentName();
                        p.nextToken();
                        s.pending.put(job, flatObject("the parameters of pending job " + job + " in result set " + tag));
                    }
                    break;
                case JsonFormat.DESCRIPTION:
                    s.description = string(t, "the description of result set " + tag);
                    break;
                case JsonFormat.LOCKED:
                    s.locked = bool(t, "the lock of result set " + tag);
                    break;
                default:
                    // only names that are not the set's own keys become attributes (epyc read its keys as attributes too)
                    s.attributes.put(key, value("attribute " + key + " of result set " + tag));
            }
        }
        return s;
    }

    private ResultsDict resultsDict(String tag, int row) throws IOException {
        String where = "row " + row + " of result set " + tag;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw shape(where + " is " + describe(p.currentToken()) + ", not a results dict");
        }
        Map<String, Object> params = Map.of();
        Map<String, Object> meta = null;
        Map<String, Object> results = Map.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case Experiment.PARAMETERS: params = flatObject("the parameters of " + where); break;
                case Experiment.METADATA: meta = flatObject("the metadata of " + where); break;
                case Experiment.RESULTS: results = flatObject("the results of " + where); break;
                default: p.skipChildren();
            }
        }
        if (meta == null) {
            throw shape(where + " has no \"metadata\"");
        }
        // epyc reads back only these two as date-times; "" (a cancelled job's start) stays ""
        for (String k : new String[] {Experiment.START_TIME, Experiment.END_TIME}) {
            if (meta.get(k) instanceof String text) {
                var t = Timestamps.parseOrNull(text);
                if (t != null) {
                    meta.put(k, t);
                }
            }
        }
        return new ResultsDict(params, meta, results);
    }

    private Map<String, Object> flatObject(String what) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw shape(what + " is " + describe(p.currentToken()) + ", not an object");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            p.nextToken();
            m.put(k, value(k + " in " + what));
        }
        return m;
    }

    /** A scalar or a list of them, as a notebook stores; objects and nulls have no column type. */
    private Object value(String what) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case VALUE_STRING: return p.getText();
            case VALUE_TRUE: return Boolean.TRUE;
            case VALUE_FALSE: return Boolean.FALSE;
            case VALUE_NUMBER_FLOAT: return p.getDoubleValue();
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw shape(what + " is the integer " + p.getText() + ", beyond 64 bits");
                }
                return p.getLongValue();
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(what));
                }
                return l;
            }
            default:
                throw shape(what + " is " + describe(t) + ", which a notebook cannot hold "
                        + "(numbers, booleans, strings and lists of them only)");
        }
    }

    private String string(JsonToken t, String what) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw shape(what + " is " + describe(t) + ", not a string");
        }
        return p.getText();
    }

    private boolean bool(JsonToken t, String what) {
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw shape(what + " is " + describe(t) + ", not a boolean");
        }
        return t == JsonToken.VALUE_TRUE;
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "missing";
        }
        switch (t) {
            case START_OBJECT: return "an object";
            case START_ARRAY: return "an array";
            case VALUE_STRING: return "a string";
            case VALUE_NUMBER_INT: case VALUE_NUMBER_FLOAT: return "a number";
            case VALUE_TRUE: case VALUE_FALSE: return "a boolean";
            case VALUE_NULL: return "null";
            default: return t.toString();
        }
    }

    /** The staged notebook as the notebook takes it; a row the table refuses is a format error naming it. */
    private StoredNotebook stored(Doc d) {
        List<StoredSet> sets = new ArrayList<>(d.sets.size());
        for (SetData s : d.sets) {
            ResultTable table = new ResultTable();
            int row = 0;
            try {
                for (ResultsDict r : s.rows) {
                    table.appendAll(r.flatten());
                    row++;
                }
            } catch (RuntimeException e) {
                throw damaged("row " + row + " of result set " + s.tag, e);
            }
            List<PendingJob> pending = new ArrayList<>(s.pending.size());
            s.pending.forEach((id, params) -> pending.add(new PendingJob(id, params)));
            sets.add(new StoredSet(s.tag, s.description, s.locked, s.attributes, table, pending));
        }
        return new StoredNotebook(d.description, d.current, d.locked, sets);
    }

    private NotebookException damaged(String where, RuntimeException e) {
        if (e instanceof NotebookException n) {
            return n;
        }
        return new NotebookFormatException("Notebook " + file + " cannot be loaded: " + where + " is inconsistent ("
                + e.getMessage() + "); the file was left as it is", e);
    }
}
