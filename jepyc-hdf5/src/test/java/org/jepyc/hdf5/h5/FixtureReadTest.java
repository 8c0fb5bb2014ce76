package org.jepyc.hdf5.h5;

import org.jepyc.fixtures.EpycFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads the notebooks written by real epyc 1.7.2 in place and checks them against what pandas saw
 * (typed-h5.*.csv and typed-h5.expected.json), never against our own output.
 */
class FixtureReadTest {

    static final Path FIXTURES = EpycFixtures.readOnlyDirectory();
    static H5File typed;

    @BeforeAll
    static void open() {
        assertThat(FIXTURES.resolve("typed.h5")).exists();
        typed = H5File.open(FIXTURES.resolve("typed.h5"), true);
    }

    @AfterAll
    static void close() {
        typed.close();
    }

    @Test
    void rootAttributes() {
        Attributes root = typed.attributes("/");
        assertThat(root.names()).containsExactly("creator", "current-resultset", "description", "locked", "version");
        assertThat(root.readString("version")).isEqualTo("1");
        assertThat(root.readString("creator")).startsWith("Created by epyc");
        assertThat(root.readString("description")).isEqualTo("Fixture written by epyc 1.7.2");
        assertThat(root.readString("current-resultset")).isEqualTo(expectedCurrent());
        assertThat(root.readBool("locked")).isFalse();
        assertThat(root.readAsString("locked")).isEqualTo("False");
    }

    @Test
    void groupsAreTheResultSetsInNameOrder() throws Exception {
        assertThat(Groups.listRoot(typed)).containsExactlyElementsOf(expectedTags());
        assertThat(Groups.exists(typed, "lists")).isTrue();
        assertThat(Groups.exists(typed, "lists/results")).isFalse(); // a dataset, not a group
        assertThat(Groups.linkExists(typed, "lists/results")).isTrue();
        assertThat(Groups.linkExists(typed, "nope/results")).isFalse();
    }

    @Test
    void groupAttributesMatchExpectedJson() throws Exception {
        for (String tag : expectedTags()) {
            Attributes a = typed.attributes(tag);
            JsonNode set = expected().get(tag);
            assertThat(a.readString("description")).isEqualTo(set.get("description").asText());
            assertThat(a.readBool("locked")).as(tag).isEqualTo(set.get("locked").asBoolean());
            set.get("attributes").fields().forEachRemaining(
                    e -> assertThat(a.readAsString(e.getKey())).isEqualTo(e.getValue().asText()));
        }
        Attributes def = typed.attributes("epyc.resultset.default");
        assertThat(def.readAsString("trials")).isEqualTo("3");
        assertThat(def.readAsString("units")).isEqualTo("metres");
    }

    @ParameterizedTest
    @ValueSource(strings = {"epyc.resultset.default", "lists", "repeated", "second", "summary"})
    void resultsMatchPandasCsv(String tag) throws Exception {
        Map<String, List<String>> csv = Csv.read(FIXTURES.resolve("typed-h5." + tag + ".csv"));
        try (CompoundTable t = CompoundTable.open(typed, tag + "/results")) {
            assertThat(t.fieldNames()).containsExactlyInAnyOrderElementsOf(csv.keySet());
            int rows = csv.values().iterator().next().size();
            assertThat(t.size()).isEqualTo(rows);
            Map<String, ColumnData> data = t.read();
            for (Field f : t.fields()) {
                List<String> expected = csv.get(f.name());
                ColumnData col = data.get(f.name());
                for (int i = 0; i < rows; i++) {
                    assertCell(tag, f, expected.get(i), col.get(i));
                }
            }
        }
    }

    @Test
    void rowCountsAndPendingJobsMatchExpectedJson() {
        for (String tag : expectedTags()) {
            JsonNode set = expected().get(tag);
            long rows = 0;
            if (Groups.linkExists(typed, tag + "/results")) {
                try (CompoundTable t = CompoundTable.open(typed, tag + "/results")) {
                    rows = t.size();
                    List<String> names = new ArrayList<>();
                    set.get("columns").fieldNames().forEachRemaining(names::add);
                    assertThat(t.fieldNames()).as(tag).containsExactlyInAnyOrderElementsOf(names);
                }
            }
            assertThat(rows).as(tag).isEqualTo(set.get("rows").asLong());
            List<String> jobs = new ArrayList<>();
            set.get("pending").forEach(j -> jobs.add(j.asText()));
            List<Object> inFile = new ArrayList<>();
            if (Groups.linkExists(typed, tag + "/pending")) {
                try (CompoundTable t = CompoundTable.open(typed, tag + "/pending")) {
                    ColumnData ids = t.readColumn("epyc.resultset.pending-jobid");
                    for (int i = 0; i < ids.size(); i++) {
                        inFile.add(ids.get(i));
                    }
                }
            }
            assertThat(inFile).as(tag).containsExactlyElementsOf(jobs);
        }
    }

    @Test
    void fieldTypesFollowEpycMapping() {
        try (CompoundTable t = CompoundTable.open(typed, "lists/results")) {
            assertThat(t.fields()).contains(
                    new Field("epyc.experiment.classname", FieldType.STRING),
                    new Field("epyc.experiment.elapsed_time", FieldType.FLOAT64),
                    new Field("epyc.experiment.status", FieldType.BOOL),
                    new Field("a", FieldType.INT64),
                    new Field("floats", FieldType.vlen(FieldType.FLOAT64)),
                    new Field("ints", FieldType.vlen(FieldType.INT64)));
            assertThat(t.fields().get(0).name()).isEqualTo("epyc.experiment.classname");
        }
    }

    @Test
    void datasetAttributesListTheFieldCategories() {
        try (CompoundTable t = CompoundTable.open(typed, "epyc.resultset.default/results")) {
            Attributes a = t.attributes();
            assertThat(a.readStringArray("metadata")).hasSize(10).startsWith("epyc.experiment.classname")
                    .endsWith("epyc.experiment.traceback");
            assertThat(a.readStringArray("parameters")).containsExactly("a", "b");
            assertThat(a.readStringArray("results")).containsExactly("flag", "name", "ratio", "total");
            List<String> all = new ArrayList<>(a.readStringArray("metadata"));
            all.addAll(a.readStringArray("parameters"));
            all.addAll(a.readStringArray("results"));
            assertThat(t.fieldNames()).containsExactlyElementsOf(all);
        }
    }

    @Test
    void pendingTables() {
        try (CompoundTable t = CompoundTable.open(typed, "epyc.resultset.default/pending")) {
            assertThat(t.fields()).containsExactly(new Field("a", FieldType.INT64), new Field("b", FieldType.INT64),
                    new Field("epyc.resultset.pending-jobid", FieldType.STRING));
            Map<String, ColumnData> d = t.read();
            assertThat(d.get("epyc.resultset.pending-jobid")).isEqualTo(new ColumnData.Strings(new String[] {"job-7"}));
            assertThat(d.get("a")).isEqualTo(new ColumnData.Longs(new long[] {7}));
            assertThat(d.get("b")).isEqualTo(new ColumnData.Longs(new long[] {14}));
        }
        try (CompoundTable t = CompoundTable.open(typed, "pending/pending")) {
            assertThat(t.readColumn("epyc.resultset.pending-jobid"))
                    .isEqualTo(new ColumnData.Strings(new String[] {"job-a", "job-b"}));
        }
        assertThat(Groups.linkExists(typed, "pending/results")).isFalse();
        assertThat(Groups.linkExists(typed, "second/pending")).isFalse();
    }

    @Test
    void upstreamTestNotebook() {
        try (H5File f = H5File.open(FIXTURES.resolve("upstream-test.h5"), true)) {
            Attributes root = f.attributes("/");
            assertThat(root.readString("current-resultset")).isEqualTo("second");
            assertThat(root.readString("description")).isEqualTo("A notebook");
            assertThat(root.readString("version")).isEqualTo("1");
            assertThat(root.readBool("locked")).isFalse();
            assertThat(Groups.listRoot(f)).containsExactly("epyc.resultset.default", "first", "second");
            assertThat(Groups.linkExists(f, "epyc.resultset.default/results")).isFalse();
            assertThat(f.attributes("first").readString("description"))
                    .isEqualTo("Results collected on 2020-12-18 12:46:37.590974");
            try (CompoundTable t = CompoundTable.open(f, "first/results")) {
                assertThat(t.fieldNames()).hasSize(12).endsWith("k", "total");
                Map<String, ColumnData> d = t.read();
                assertThat(d.get("k")).isEqualTo(new ColumnData.Longs(new long[] {10, 20}));
                assertThat(d.get("total")).isEqualTo(new ColumnData.Longs(new long[] {20, 30}));
                assertThat(d.get("epyc.experiment.classname").get(0)).isEqualTo("__main__.SampleExperiment");
                assertThat(d.get("epyc.experiment.start_time").get(0)).isEqualTo("2020-12-18T12:46:37.584678");
                assertThat(d.get("epyc.experiment.elapsed_time").get(0)).isEqualTo(2.7e-05);
                assertThat(d.get("epyc.experiment.status")).isEqualTo(new ColumnData.Booleans(new boolean[] {true, true}));
                assertThat(t.attributes().readStringArray("parameters")).containsExactly("k");
                assertThat(t.attributes().readStringArray("results")).containsExactly("total");
            }
            try (CompoundTable t = CompoundTable.open(f, "second/pending")) {
                assertThat(t.read()).containsEntry("k", new ColumnData.Longs(new long[] {40}))
                        .containsEntry("epyc.resultset.pending-jobid", new ColumnData.Strings(new String[] {"2345"}));
            }
        }
    }

    @Test
    void errorsNameTheFileAndNeverCrash(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        assertThatThrownBy(() -> CompoundTable.open(typed, "nope/results"))
                .isInstanceOf(H5FileException.class).hasMessageContaining("typed.h5").hasMessageContaining("nope/results");
        assertThatThrownBy(() -> typed.attributes("/").readString("missing"))
                .isInstanceOf(H5FileException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> typed.attributes("/").readString("locked"))
                .isInstanceOf(H5FileException.class).hasMessageContaining("not a string");
        Path junk = tmp.resolve("junk.h5");
        Files.writeString(junk, "this is not an HDF5 file");
        assertThatThrownBy(() -> H5File.open(junk, true))
                .isInstanceOf(H5FileException.class).hasMessageContaining("junk.h5");
        Path truncated = tmp.resolve("truncated.h5");
        byte[] whole = Files.readAllBytes(FIXTURES.resolve("typed.h5"));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 3));
        assertThatThrownBy(() -> {
            try (H5File f = H5File.open(truncated, true)) {
                for (String tag : Groups.listRoot(f)) {
                    try (CompoundTable t = CompoundTable.open(f, tag + "/results")) {
                        t.read();
                    }
                }
            }
        }).isInstanceOf(H5FileException.class).hasMessageContaining("truncated.h5");
        assertThatThrownBy(() -> H5File.open(tmp.resolve("absent.h5"), true)).isInstanceOf(H5FileException.class);
    }

    private static void assertCell(String tag, Field f, String csv, Object actual) {
        String where = tag + "/" + f.name() + " value " + actual + " vs CSV " + csv;
        switch (f.type().kind()) {
            case INT -> assertThat(actual).as(where).isEqualTo(Long.parseLong(csv));
            case FLOAT -> assertThat(actual).as(where).isEqualTo(Double.parseDouble(csv));
            case BOOL -> assertThat(actual).as(where).isEqualTo(Boolean.parseBoolean(csv.toLowerCase()));
            case STRING -> {
                String s = (String) actual;
                if (f.name().endsWith("_time")) {
                    s = s.replace('T', ' '); // pandas parsed the ISO string into a datetime
                }
                assertThat(s).as(where).isEqualTo(csv);
            }
            case VLEN -> assertThat(actual).as(where).isEqualTo(numpyArray(csv, f.type().element()));
            default -> throw new AssertionError("unexpected type in fixture: " + where);
        }
    }

    /** Parses numpy's str() of a 1-D array, e.g. "[0.5  0.75]" or "[1 3 3]". */
    private static List<Object> numpyArray(String s, FieldType element) {
        List<Object> out = new ArrayList<>();
        String body = s.trim().replaceAll("^\\[|\\]$", "").trim();
        if (body.isEmpty()) {
            return out;
        }
        for (String tok : body.split("\\s+")) {
            out.add(element.kind() == FieldType.Kind.INT ? (Object) Long.parseLong(tok) : (Object) Double.parseDouble(tok));
        }
        return out;
    }

    private static JsonNode expected() {
        try {
            return new ObjectMapper().readTree(FIXTURES.resolve("typed-h5.expected.json").toFile());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String expectedCurrent() {
        return expected().get("_current").asText();
    }

    private static List<String> expectedTags() {
        TreeSet<String> tags = new TreeSet<>();
        expected().fieldNames().forEachRemaining(tags::add);
        tags.remove("_current");
        return new ArrayList<>(tags);
    }
}
