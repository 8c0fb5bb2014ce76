package org.jepyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jepyc.Experiment;
import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.jepyc.json.JsonLabNotebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The notebook commands, run in this JVM as {@link Main} runs them, on copies of epyc's notebooks
 * and on jepyc's own: what they print, what they change, and their exit statuses.
 */
class CommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode expected(String fixture) throws Exception {
        String name = fixture.endsWith(".json") ? "typed-json.expected.json" : "typed-h5.expected.json";
        return JSON.readTree(Jepyc.fixtures().resolve(name).toFile());
    }



    @ParameterizedTest
    @ValueSource(strings = {"typed.json", "typed.h5"})
    void showListsEverySetAsEpycWroteIt(String fixture) throws Exception {
        Path nb = Jepyc.copy(fixture, dir);
        String before = Jepyc.hash(nb);
        Jepyc.Result r = Cli.run("show", nb.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode exp = expected(fixture);
        assertThat(r.out()).startsWith("Fixture written by epyc 1.7.2\n");
        exp.fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("_")) {
                JsonNode set = e.getValue();
                String current = e.getKey().equals(exp.get("_current").asText()) ? "(*)" : "";
                assertThat(r.out()).contains("  " + e.getKey() + current + " [" + set.get("rows").asInt() + " results, "
                        + set.get("pending").size() + " pending]: " + set.get("description").asText()
                        + (set.get("locked").asBoolean() ? " (locked)" : ""));
            }
        });
        assertThat(r.out()).contains("    units: metres");
        assertThat(Jepyc.hash(nb)).isEqualTo(before);

        JsonNode json = JSON.readTree(Cli.run("show", "--json", nb.toString()).out());
        assertThat(json.get("current").asText()).isEqualTo(exp.get("_current").asText());
        assertThat(Cli.run("show", "--short", nb.toString()).out().lines().toList())
                .containsExactlyInAnyOrderElementsOf(filterTags(exp));
    }

    private static List<String> filterTags(JsonNode exp) {
        List<String> tags = new java.util.ArrayList<>();
        exp.fieldNames().forEachRemaining(k -> {
            if (!k.startsWith("_")) {
                tags.add(k);
            }
        });
        return tags;
    }

    @Test
    void aMissingNotebookIsAnErrorAndIsNeverCreated() throws Exception {
        Path absent = dir.resolve("absent.h5");
        for (String cmd : List.of("show", "select", "plan")) {
            Jepyc.Result r = Cli.run(cmd, absent.toString());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err().strip()).isEqualTo("jepyc: No notebook " + absent + " (no such file)");
        }
        assertThat(dir.resolve("absent.h5")).doesNotExist();
        assertThat(Cli.run("show", "notebook.txt").err()).contains("name notebooks *.json or *.h5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"typed.json", "typed.h5"})
    void selectPrintsAndChangesTheCurrentSet(String fixture) throws Exception {
        Path nb = Jepyc.copy(fixture, dir);
        assertThat(Cli.run("select", nb.toString()).out().strip()).isEqualTo("pending");
        Jepyc.Result r = Cli.run("select", "-v", nb + ":lists");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Made " + nb + ":lists current");
        assertThat(Cli.run("select", nb.toString()).out().strip()).isEqualTo("lists");
    }

    @ParameterizedTest
    @ValueSource(strings = {"typed.json", "typed.h5"})
    void failedCommandsLeaveTheNotebookByteForByteUnchanged(String fixture) throws Exception {
        Path nb = Jepyc.copy(fixture, dir);
        String before = Jepyc.hash(nb);
        List<List<String>> bad = List.of(
                List.of("select", nb + ":nosuchset"),
                List.of("remove", nb + ":pending"),                         // the current set
                List.of("remove", nb + ":epyc.resultset.default"),
                List.of("remove", nb + ":lists", nb + ":nosuchset"),         // one bad spec: nothing removed
                List.of("copy", nb + ":second", nb + ":lists", nb.toString()), // already there
                List.of("copy", nb + ":nosuchset", dir.resolve("out.json").toString()),
                List.of("export", nb + ":nosuchset", "--format", "csv"),
                List.of("export", nb + ":lists", "--format", "csv", "-o", dir.resolve("no/such/dir.csv").toString()),
                List.of("plot", nb + ":lists", "--x", "a", "--y", "nosuchresult", "-o", dir.resolve("p.png").toString()));
        for (List<String> args : bad) {
            Jepyc.Result r = Cli.run(args.toArray(new String[0]));
            assertThat(r.exit()).as("%s: %s", args, r.err()).isEqualTo(1);
            assertThat(r.err().lines().count()).as("%s: %s", args, r.err()).isEqualTo(1);
            assertThat(r.err()).startsWith("jepyc: ").doesNotContain("Exception", "\tat ");
            assertThat(Jepyc.hash(nb)).as("after %s", args).isEqualTo(before);
        }
        Jepyc.Result malformed = Cli.run("select", nb + ":bad:spec");
        assertThat(malformed.exit()).as(malformed.err()).isEqualTo(2);
        assertThat(malformed.err()).startsWith("jepyc: Invalid result set specifier").contains("select --help");
        assertThat(Jepyc.hash(nb)).isEqualTo(before);
        assertThat(dir.resolve("out.json")).doesNotExist();
        assertThat(dir.resolve("p.png")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"typed.json", "typed.h5"})
    void selectAndRemoveRefuseALockedNotebookAndSayWhatToDoInstead(String fixture) throws Exception {
        Path nb = Jepyc.copy(fixture, dir);
        try (LabNotebook n = fixture.endsWith(".json") ? new JsonLabNotebook(nb) : new org.jepyc.hdf5.Hdf5LabNotebook(nb)) {
            n.finish();
        }
        String before = Jepyc.hash(nb);
        Jepyc.Result r = Cli.run("select", nb + ":lists");
        assertThat(r.exit()).isEqualTo(1);
        String ext = fixture.substring(fixture.lastIndexOf('.'));
        assertThat(r.err().strip()).isEqualTo("jepyc: Notebook " + nb + " is locked: its current result set cannot be changed; "
                + "to work on its sets, copy them into a new notebook (jepyc copy " + nb + ":lists NEW" + ext + ")");
        Jepyc.Result removed = Cli.run("remove", nb + ":lists");
        assertThat(removed.exit()).isEqualTo(1);
        assertThat(removed.err().strip()).isEqualTo("jepyc: Notebook " + nb + " is locked (finished): its result sets cannot "
                + "be removed; copy the sets to keep into a new notebook instead (jepyc copy " + nb + ":TAG NEW" + ext + ")");
        // the suggested command works
        Path fresh = dir.resolve("NEW" + ext);
        Jepyc.Result copied = Cli.run("copy", nb + ":lists", fresh.toString());
        assertThat(copied.exit()).as(copied.err()).isZero();
        assertThat(Jepyc.hash(nb)).isEqualTo(before);
    }

    @Test
    void aCorruptNotebookIsAOneLineErrorWithAStackTraceOnlyWithDebug() throws Exception {
        Path nb = dir.resolve("broken.json");
        Files.writeString(nb, "{\"version\": \"2\", \"resultsets\": [");
        String before = Jepyc.hash(nb);
        Jepyc.Result r = Cli.run("show", nb.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains(nb.toString());
        Jepyc.Result debug = Cli.run("--debug", "show", nb.toString());
        assertThat(debug.err()).contains("\tat ");
        assertThat(Jepyc.hash(nb)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"typed.json", "typed.h5"})
    void removeDeletesSetsAndCommits(String fixture) throws Exception {
        Path nb = Jepyc.copy(fixture, dir);
        Jepyc.Result r = Cli.run("remove", "-v", nb + ":lists", ":summary");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Removed " + nb + ":lists", "Removed " + nb + ":summary");
        assertThat(Cli.run("show", "--short", nb.toString()).out().lines())
                .doesNotContain("lists", "summary").contains("second", "repeated");
    }

    @Test
    void copyMovesSetsBetweenFormatsAndRefusesLockedDestinations() throws Exception {
        Path src = Jepyc.copy("typed.json", dir);
        Path dest = dir.resolve("copied.h5");
        Jepyc.Result r = Cli.run("copy", "-v", src + ":second", ":lists=mylists", dest.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        try (LabNotebook nb = org.jepyc.hdf5.Hdf5LabNotebook.openReadOnly(dest);
             LabNotebook from = JsonLabNotebook.openReadOnly(src)) {
            assertThat(nb.resultSets()).contains("second", "mylists");
            assertThat(nb.currentTag()).isEqualTo("mylists");
            assertThat(nb.resultSet("second").numberOfResults()).isEqualTo(2);
            assertThat(nb.resultSet("mylists").results()).isEqualTo(from.resultSet("lists").results());
            assertThat(nb.resultSet("second").description()).isEqualTo(from.resultSet("second").description());
        }
        Path locked = dir.resolve("locked.json");
        try (LabNotebook nb = new JsonLabNotebook(locked)) {
            nb.finish();
        }
        String before = Jepyc.hash(locked);
        Jepyc.Result refused = Cli.run("copy", src + ":second", locked.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("locked");
        assertThat(Jepyc.hash(locked)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"epyc.resultset.default", "lists", "second", "repeated", "summary"})
    void exportWritesWhatPandasWrote(String tag) throws Exception {
        Path src = Jepyc.copy("typed.json", dir);
        Path csv = dir.resolve(tag + ".csv");
        Jepyc.Result r = Cli.run("export", src + ":" + tag, "--format", "csv", "-o", csv.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(csv, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(Jepyc.fixtures().resolve("typed-json." + tag + ".csv"), StandardCharsets.UTF_8));
    }

    @Test
    void exportAsJsonGivesOneObjectPerRow() throws Exception {
        Path src = Jepyc.copy("typed.json", dir);
        Jepyc.Result r = Cli.run("export", src + ":epyc.resultset.default", "--format", "json", "--only-successful");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode rows = JSON.readTree(r.out());
        assertThat(rows.size()).isEqualTo(4);
        assertThat(rows.get(0).get("total").asLong()).isEqualTo(3);
        assertThat(rows.get(0).get(Experiment.STATUS).asBoolean()).isTrue();
    }

    @Test
    void convertPreservesEverythingBothWays() throws Exception {
        Path src = Jepyc.copy("typed.json", dir);
        Path h5 = dir.resolve("converted.h5");
        Path back = dir.resolve("back.json");
        assertThat(Cli.run("convert", src.toString(), h5.toString()).exit()).isZero();
        assertThat(Cli.run("convert", h5.toString(), back.toString()).exit()).isZero();
        try (LabNotebook a = JsonLabNotebook.openReadOnly(src); LabNotebook b = JsonLabNotebook.openReadOnly(back)) {
            assertThat(b.resultSets()).containsExactlyInAnyOrderElementsOf(a.resultSets());
            assertThat(b.currentTag()).isEqualTo(a.currentTag());
            assertThat(b.description()).isEqualTo(a.description());
            for (String tag : a.resultSets()) {
                assertThat(b.resultSet(tag).results()).as(tag).isEqualTo(a.resultSet(tag).results());
                assertThat(b.resultSet(tag).pendingResults()).as(tag).isEqualTo(a.resultSet(tag).pendingResults());
                assertThat(b.resultSet(tag).isFinished()).as(tag).isEqualTo(a.resultSet(tag).isFinished());
                assertThat(b.resultSet(tag).description()).as(tag).isEqualTo(a.resultSet(tag).description());
                assertThat(b.resultSet(tag).attributeNames()).as(tag).isEqualTo(a.resultSet(tag).attributeNames());
            }
        }
        Jepyc.Result again = Cli.run("convert", src.toString(), h5.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("--force");
    }

    @Test
    void plotWritesAPngWithErrorBarsFromSummaries() throws Exception {
        Path nb = dir.resolve("summary.json");
        try (LabNotebook n = new JsonLabNotebook(nb)) {
            Lab lab = new Lab(n);
            lab.put("x", List.of(1, 2, 3, 4)).put("g", List.of("a", "b"));
            lab.runExperiment(new org.jepyc.SummaryExperiment(new org.jepyc.RepeatedExperiment(
                    Experiment.of(p -> Map.of("y", (Long) p.get("x") * Math.random())), 5)));
        }
        Path png = dir.resolve("plot.png");
        Jepyc.Result r = Cli.run("plot", nb.toString(), "--x", "x", "--y", "y", "--group", "g", "-o", png.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(1000);
        assertThat(java.util.Arrays.copyOf(bytes, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(800);
    }
}
