package org.jepyc.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dflib.DataFrame;
import org.jepyc.LabNotebook;
import org.jepyc.LabNotebookLockedException;
import org.jepyc.ResultSet;
import org.jepyc.ResultSetLockedException;
import org.junit.jupiter.api.Test;
import org.jepyc.fixtures.EpycFixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads typed.json, written by Python epyc 1.7.2, and checks it against what pandas saw in it
 * (typed-json.expected.json and the per-set CSV files): nothing here is produced by jepyc.
 */
class JsonFixtureTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode expected() throws IOException {
        return MAPPER.readTree(Fixtures.dir().resolve("typed-json.expected.json").toFile());
    }

    @Test
    void readsEveryResultSetAsPandasSawIt(@TempDir Path dir) throws Exception {
        // a writable copy: a read-only file opens with every set locked, hiding the stored locks
        Path copy = dir.resolve("typed.json");
        Files.copy(Fixtures.typedJson(), copy);
        copy.toFile().setWritable(true);
        String before = Fixtures.hash(copy);
        JsonNode exp = expected();
        try (JsonLabNotebook nb = new JsonLabNotebook(copy)) {
            assertThat(nb.description()).isEqualTo("Fixture written by epyc 1.7.2");
            assertThat(nb.currentTag()).isEqualTo(exp.get("_current").asText());
            List<String> tags = new ArrayList<>();
            exp.fieldNames().forEachRemaining(t -> { if (!t.startsWith("_")) tags.add(t); });
            assertThat(nb.resultSets()).containsExactlyInAnyOrderElementsOf(tags);
            for (String tag : tags) {
                checkSet(tag, nb.resultSet(tag), exp.get(tag));
            }
        }
        assertThat(Fixtures.hash(copy)).isEqualTo(before);
    }

    private void checkSet(String tag, ResultSet rs, JsonNode e) throws IOException {
        assertThat(rs.description()).as(tag).isEqualTo(e.get("description").asText());
        assertThat(rs.isLocked()).as(tag).isEqualTo(e.get("locked").asBoolean());
        assertThat(rs.numberOfResults()).as(tag).isEqualTo(e.get("rows").asInt());
        List<String> pending = new ArrayList<>();
        e.get("pending").forEach(j -> pending.add(j.asText()));
        assertThat(rs.pendingResults()).as(tag).isEqualTo(pending);

        // epyc turned "pending-results" into an attribute; jepyc must not: a set's own keys are never attributes
        Map<String, Object> attrs = new LinkedHashMap<>();
        e.get("attributes").fields().forEachRemaining(a -> {
            if (!a.getKey().equals("pending-results")) {
                attrs.put(a.getKey(), a.getValue().isIntegralNumber() ? (Object) a.getValue().asLong()
                        : a.getValue().isDouble() ? (Object) a.getValue().asDouble() : a.getValue().asText());
            }
        });
        assertThat(rs.attributeNames()).as(tag).containsExactlyInAnyOrderElementsOf(attrs.keySet());
        attrs.forEach((k, v) -> assertThat(rs.getAttribute(k)).as(tag + " " + k).isEqualTo(v));

        if (rs.numberOfResults() == 0) {
            return;
        }
        Set<String> names = new HashSet<>();
        names.addAll(rs.metadataNames());
        names.addAll(rs.parameterNames());
        names.addAll(rs.resultNames());
        Map<String, String> dtypes = new LinkedHashMap<>();
        e.get("columns").fields().forEachRemaining(c -> dtypes.put(c.getKey(), c.getValue().asText()));
        assertThat(names).as(tag).containsExactlyInAnyOrderElementsOf(dtypes.keySet());

        List<List<String>> csv = Csv.read(Fixtures.dir().resolve("typed-json." + tag + ".csv"));
        List<String> header = csv.get(0);
        assertThat(csv).as(tag).hasSize(rs.numberOfResults() + 1);
        DataFrame df = rs.dataframe();
        for (int col = 0; col < header.size(); col++) {
            String name = header.get(col);
            for (int row = 0; row < rs.numberOfResults(); row++) {
                Object v = df.getColumn(name).get(row);
                String text = csv.get(row + 1).get(col);
                checkCell(tag + " row " + row + " " + name, dtypes.get(name), text, v);
            }
        }
    }

    private static void checkCell(String where, String dtype, String text, Object v) {
        switch (dtype) {
            case "int64":
                assertThat(v).as(where).isInstanceOf(Long.class).isEqualTo(Long.parseLong(text));
                break;
            case "float64":
                assertThat(v).as(where).isInstanceOf(Double.class).isEqualTo(Double.parseDouble(text));
                break;
            case "bool":
                assertThat(v).as(where).isEqualTo(Boolean.parseBoolean(text.toLowerCase()));
                break;
            case "datetime64[ns]":
                assertThat(v).as(where).isEqualTo(LocalDateTime.parse(text.replace(' ', 'T')));
                break;
            default:   // object: strings, lists, or date-times mixed with '' (a cancelled job's start)
                if (v instanceof List<?> l) {
                    assertThat(text).as(where).startsWith("[").endsWith("]");
                    String[] items = text.substring(1, text.length() - 1).split(", ");
                    assertThat(l).as(where).hasSize(items.length);
                    for (int i = 0; i < items.length; i++) {
                        Object x = l.get(i);
                        if (items[i].contains(".") || items[i].contains("e")) {
                            assertThat(x).as(where).isEqualTo(Double.parseDouble(items[i]));
                        } else {
                            assertThat(x).as(where).isEqualTo(Long.parseLong(items[i]));
                        }
                    }
                } else if (v instanceof LocalDateTime t) {
                    assertThat(t).as(where).isEqualTo(LocalDateTime.parse(text.replace(' ', 'T')));
                } else {
                    assertThat(v).as(where).isEqualTo(text);
                }
        }
    }

    @Test
    void failuresKeepTheirMessagesAndTracebacksAsStrings() {
        try (JsonLabNotebook nb = JsonLabNotebook.openReadOnly(Fixtures.typedJson())) {
            var rows = nb.results(LabNotebook.DEFAULT_RESULTSET);
            var failed = rows.get(4).metadata();
            assertThat(failed.get("epyc.experiment.status")).isEqualTo(false);
            assertThat(failed.get("epyc.experiment.exception")).isEqualTo("bad point a=5");
            assertThat((String) failed.get("epyc.experiment.traceback")).startsWith("Traceback (most recent call last):")
                    .endsWith("ValueError: bad point a=5\n");
            assertThat(rows.get(4).results()).isEmpty();
            var cancelled = nb.results("second").get(1).metadata();
            assertThat(cancelled.get("epyc.experiment.exception")).isEqualTo("Cancelled");
            assertThat(cancelled.get("epyc.experiment.start_time")).isEqualTo("");
            assertThat(cancelled.get("epyc.experiment.end_time")).isInstanceOf(LocalDateTime.class);
        }
    }

    @Test
    void pendingJobsComeBackWithTheirParameters() {
        try (JsonLabNotebook nb = JsonLabNotebook.openReadOnly(Fixtures.typedJson())) {
            assertThat(nb.pendingResultParameters("job-7")).isEqualTo(Map.of("a", 7L, "b", 14L));
            assertThat(nb.pendingResultParameters("job-b")).isEqualTo(Map.of("a", 2L, "b", 1L));
            assertThat(nb.allPendingResults()).containsExactlyInAnyOrder("job-7", "job-a", "job-b");
        }
    }

    @Test
    void aReadOnlyFileOpensAsReadOnlyAndIsNeverWritten(@TempDir Path dir) throws Exception {
        Path file = EpycFixtures.readOnlyCopy(EpycFixtures.TYPED_JSON, dir);
        String before = Fixtures.hash(file);
        try (JsonLabNotebook nb = new JsonLabNotebook(file)) {
            assertThat(nb.numberOfResults("repeated")).isEqualTo(6);
            assertThat(nb.isLocked()).isTrue();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> nb.addResultSet("x"))
                    .isInstanceOf(LabNotebookLockedException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> nb.current().setAttribute("x", 1))
                    .isInstanceOf(ResultSetLockedException.class);
            nb.commit();
        }
        assertThat(Fixtures.hash(file)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aWritableCopyLoadsTheSameAndIsNotRewrittenByLoading(boolean close, @TempDir Path dir) throws Exception {
        Path copy = dir.resolve("typed.json");
        Files.copy(Fixtures.typedJson(), copy);
        copy.toFile().setWritable(true);
        String before = Fixtures.hash(copy);
        JsonLabNotebook nb = new JsonLabNotebook(copy);
        assertThat(nb.isLocked()).isFalse();
        assertThat(nb.resultSet("second").isLocked()).isTrue();
        assertThat(nb.resultSet("epyc.resultset.default").isLocked()).isFalse();
        assertThat(nb.numberOfResults("lists")).isEqualTo(3);
        if (close) {
            nb.close();
        }
        assertThat(Fixtures.hash(copy)).isEqualTo(before);
    }

    /** Enough of RFC 4180 for pandas' to_csv: quoted fields with "" and newlines. */
    static final class Csv {
        static List<List<String>> read(Path p) throws IOException {
            String s = Files.readString(p, StandardCharsets.UTF_8);
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        f.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(f.toString());
                    f.setLength(0);
                } else if (c == '\n') {
                    row.add(f.toString());
                    f.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else if (c != '\r') {
                    f.append(c);
                }
            }
            if (f.length() > 0 || !row.isEmpty()) {
                row.add(f.toString());
                rows.add(row);
            }
            return rows;
        }

        private Csv() { }
    }
}
