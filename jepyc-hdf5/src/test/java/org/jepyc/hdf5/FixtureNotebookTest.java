package org.jepyc.hdf5;

import org.jepyc.fixtures.EpycFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.dflib.DataFrame;
import org.jepyc.LabNotebook;
import org.jepyc.ResultSet;
import org.jepyc.hdf5.h5.Csv;
import org.jepyc.resultset.Timestamps;
import org.junit.jupiter.api.Test;

/**
 * Reads the notebooks real epyc 1.7.2 wrote, in place, and compares them with what epyc and
 * pandas saw (typed-h5.expected.json, typed-h5.TAG.csv): values are parsed from those files,
 * never taken from our own output. The fixtures are never changed.
 */
class FixtureNotebookTest {

    static final Path FIXTURES = EpycFixtures.readOnlyDirectory();

    @Test
    void typedH5MatchesExpectedJsonAndCsvs() throws Exception {
        Path file = FIXTURES.resolve("typed.h5");
        String before = sha256(file);
        JsonNode expected = new ObjectMapper().readTree(FIXTURES.resolve("typed-h5.expected.json").toFile());
        try (Hdf5LabNotebook nb = Hdf5LabNotebook.openReadOnly(file)) {
            assertThat(nb.description()).isEqualTo("Fixture written by epyc 1.7.2");
            assertThat(nb.currentTag()).isEqualTo(expected.get("_current").asText());
            List<String> tags = new ArrayList<>();
            expected.fieldNames().forEachRemaining(t -> {
                if (!t.startsWith("_")) {
                    tags.add(t);
                }
            });
            List<String> order = new ArrayList<>(tags);
            order.remove(LabNotebook.DEFAULT_RESULTSET);
            order.sort(null);
            order.add(0, LabNotebook.DEFAULT_RESULTSET);
            assertThat(nb.resultSets()).containsExactlyElementsOf(order);
            for (String tag : tags) {
                JsonNode set = expected.get(tag);
                ResultSet rs = nb.resultSet(tag);
                assertThat(rs.description()).as(tag).isEqualTo(set.get("description").asText());
                assertThat(rs.numberOfResults()).as(tag).isEqualTo(set.get("rows").asInt());
                List<String> pending = new ArrayList<>();
                set.get("pending").forEach(p -> pending.add(p.asText()));
                assertThat(rs.pendingResults()).as(tag).containsExactlyElementsOf(pending);
                assertThat(rs.attributeNames()).as(tag).hasSize(set.get("attributes").size());
                for (Iterator<Map.Entry<String, JsonNode>> it = set.get("attributes").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> a = it.next();
                    assertThat(rs.getAttribute(a.getKey())).as(tag + " attribute " + a.getKey())
                            .isEqualTo(a.getValue().asText());   // HDF5 attributes come back as strings
                }
                if (set.get("locked").asBoolean()) {
                    assertThat(rs.isLocked()).as(tag).isTrue();
                }
                compareWithCsv(tag, rs.dataframe(false), set.get("columns"));
            }
        }
        assertThat(sha256(file)).as("fixture untouched").isEqualTo(before);
    }

    private static void compareWithCsv(String tag, DataFrame df, JsonNode dtypes) throws Exception {
        Map<String, List<String>> csv = Csv.read(FIXTURES.resolve("typed-h5." + tag + ".csv"));
        if (csv.isEmpty()) {
            assertThat(df.height()).as(tag).isZero();
            return;
        }
        assertThat(List.of(df.getColumnsIndex().toArray())).as(tag + " columns").containsExactlyElementsOf(csv.keySet());
        for (Map.Entry<String, List<String>> col : csv.entrySet()) {
            String name = col.getKey();
            String dtype = dtypes.get(name).asText();
            for (int row = 0; row < col.getValue().size(); row++) {
                String cell = col.getValue().get(row);
                Object actual = df.getColumn(name).get(row);
                String what = tag + "." + name + "[" + row + "]";
                switch (dtype) {
                    case "int64" -> assertThat(actual).as(what).isEqualTo(Long.parseLong(cell));
                    case "float64" -> assertThat(actual).as(what).isEqualTo(Double.parseDouble(cell));
                    case "bool" -> assertThat(actual).as(what).isEqualTo(Boolean.parseBoolean(cell.toLowerCase()));
                    case "datetime64[ns]" -> assertThat(actual).as(what).isEqualTo(dateTime(cell));
                    default -> assertObject(what, actual, cell);
                }
            }
        }
    }

    /** pandas writes object columns with str(): text, a date-time, or a numpy array like "[1 3 3]". */
    private static void assertObject(String what, Object actual, String cell) {
        if (actual instanceof List<?> list) {
            String[] parts = cell.replaceAll("[\\[\\]]", " ").trim().split("\\s+");
            assertThat(list).as(what).hasSize(parts.length);
            for (int i = 0; i < parts.length; i++) {
                Object e = list.get(i);
                Object want = e instanceof Long ? (Object) Long.parseLong(parts[i]) : Double.parseDouble(parts[i]);
                assertThat(e).as(what + "[" + i + "]").isEqualTo(want);
            }
        } else if (actual instanceof LocalDateTime t) {
            assertThat(t).as(what).isEqualTo(dateTime(cell));
        } else {
            assertThat(actual).as(what).isEqualTo(cell);
        }
    }

    private static LocalDateTime dateTime(String cell) {
        return Timestamps.parseOrNull(cell);
    }

    @Test
    void upstreamTestH5LoadsAsEpycSaysItShould() throws Exception {
        Path file = FIXTURES.resolve("upstream-test.h5");
        String before = sha256(file);
        try (Hdf5LabNotebook nb = Hdf5LabNotebook.openReadOnly(file)) {
            assertThat(nb.resultSets()).containsExactly(LabNotebook.DEFAULT_RESULTSET, "first", "second");
            assertThat(nb.currentTag()).isEqualTo("second");
            assertThat(nb.description()).isEqualTo("A notebook");
            assertThat(nb.numberOfResults("first")).isEqualTo(2);
            assertThat(nb.numberOfResults("second")).isEqualTo(1);
            assertThat(nb.pendingResults("second")).containsExactly("2345");
            assertThat(nb.pendingResultParameters("2345")).isEqualTo(Map.of("k", 40L));
            assertThat(nb.resultSet(LabNotebook.DEFAULT_RESULTSET).description())
                    .isEqualTo("Results collected on 2020-12-18 12:46:37.589256");
            assertThat(nb.results("first").get(0).metadata().get("epyc.experiment.start_time"))
                    .isEqualTo(LocalDateTime.parse("2020-12-18T12:46:37.584678"));
            assertThat(nb.results("first").stream().map(r -> r.results().get("total"))).containsExactly(20L, 30L);
            assertThat(nb.isLocked()).isTrue();   // read-only behaves as locked
        }
        assertThat(sha256(file)).isEqualTo(before);
    }

    static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
