package org.jepyc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.jepyc.LabNotebookLockedException;
import org.jepyc.NotebookException;
import org.jepyc.NotebookExistsException;
import org.jepyc.NotebookFormatException;
import org.jepyc.NotebookVersionException;
import org.jepyc.OpenMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Damaged, foreign and unsupported files: a clear error naming the file, and the file untouched. */
class JsonBadFilesTest {
    @TempDir
    Path dir;

    static String typed() throws Exception {
        return Files.readString(Fixtures.typedJson(), StandardCharsets.UTF_8);
    }

    static Stream<Arguments> badFiles() throws Exception {
        String good = typed();
        return Stream.of(
                Arguments.of("truncated", good.substring(0, good.length() / 2), NotebookFormatException.class, "truncated"),
                Arguments.of("cut after the brace", good.substring(0, good.length() - 1), NotebookFormatException.class, "truncated"),
                Arguments.of("not JSON", "this is not a notebook\n", NotebookFormatException.class, "not valid JSON"),
                Arguments.of("binary", "\u0000\u0001\u0002PK", NotebookFormatException.class, "not valid JSON"),
                Arguments.of("whitespace", "   \n", NotebookFormatException.class, "truncated"),
                Arguments.of("an array", "[1, 2, 3]", NotebookFormatException.class, "top level is an array"),
                Arguments.of("another object", "{\"name\": \"x\", \"items\": []}", NotebookFormatException.class, "no \"version\""),
                Arguments.of("no resultsets", "{\"version\": \"2\", \"description\": \"d\"}", NotebookFormatException.class, "resultsets"),
                Arguments.of("rows not a list", "{\"version\": \"2\", \"resultsets\": {\"a\": {\"results\": 3}}}",
                        NotebookFormatException.class, "not an array"),
                Arguments.of("row without status", "{\"version\": \"2\", \"resultsets\": {\"a\": {\"results\": "
                        + "[{\"parameters\": {}, \"metadata\": {}, \"results\": {}}]}}}", NotebookFormatException.class, "row 0 of result set a"),
                Arguments.of("null value", "{\"version\": \"2\", \"resultsets\": {\"a\": {\"results\": "
                        + "[{\"parameters\": {\"k\": null}, \"metadata\": {}, \"results\": {}}]}}}", NotebookFormatException.class, "null"),
                Arguments.of("unknown current", "{\"version\": \"2\", \"current\": \"nope\", \"resultsets\": {}}",
                        NotebookFormatException.class, "nope"),
                Arguments.of("duplicate key", "{\"version\": \"2\", \"resultsets\": {\"a\": {}, \"a\": {}}}",
                        NotebookFormatException.class, "Duplicate"),
                Arguments.of("trailing data", good + "\n{}", NotebookFormatException.class, "more data"),
                Arguments.of("version 3", good.replace("\"version\": \"2\"", "\"version\": \"3\""), NotebookVersionException.class, "got 3"),
                Arguments.of("numeric version", good.replace("\"version\": \"2\"", "\"version\": 2"), NotebookVersionException.class, "not a string"),
                Arguments.of("version 1", "{\"description\": \"old\", \"results\": {\"k=[[1]];\": [{\"parameters\": {\"k\": 1},"
                        + " \"metadata\": {}, \"results\": {}}]}, \"pending\": {}}", NotebookVersionException.class, "version-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedClearlyAndLeftAsItWas(String what, String content, Class<? extends Exception> type,
                                                String problem) throws Exception {
        Path fn = dir.resolve("bad.json");
        Files.writeString(fn, content, StandardCharsets.UTF_8);
        String before = Fixtures.hash(fn);
        for (OpenMode mode : new OpenMode[] {OpenMode.OPEN_OR_CREATE}) {
            assertThatThrownBy(() -> new JsonLabNotebook(fn, mode, null)).isInstanceOf(type)
                    .hasMessageContaining(fn.toString()).hasMessageContaining(problem);
        }
        assertThatThrownBy(() -> JsonLabNotebook.openReadOnly(fn)).isInstanceOf(type);
        // create=true refuses it too, rather than wiping it
        assertThatThrownBy(() -> new JsonLabNotebook(fn, true)).isInstanceOf(NotebookExistsException.class);
        assertThat(Fixtures.hash(fn)).isEqualTo(before);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("bad.json");
        }
    }

    @Test
    void anEmptyFileIsAnEmptyNotebookNotAnError() throws Exception {
        Path fn = dir.resolve("empty.json");
        Files.createFile(fn);
        JsonLabNotebook nb = new JsonLabNotebook(fn);
        assertThat(nb.numberOfResults()).isZero();
        assertThat(Files.size(fn)).isZero();   // opening wrote nothing
    }

    @Test
    void aDirectoryInThePlaceOfTheFileIsRefused() throws Exception {
        Path fn = dir.resolve("nb.json");
        Files.createDirectory(fn);
        for (OpenMode mode : OpenMode.values()) {
            assertThatThrownBy(() -> new JsonLabNotebook(fn, mode, null)).isInstanceOf(NotebookFormatException.class)
                    .hasMessageContaining(fn.toString()).hasMessageContaining("directory");
        }
        assertThat(fn).isDirectory().isEmptyDirectory();
    }

    @Test
    void aMissingDirectoryIsRefusedAtOpeningNotAtTheFirstCommit() {
        Path fn = dir.resolve("no/such/dir/nb.json");
        assertThatThrownBy(() -> new JsonLabNotebook(fn)).isInstanceOf(NotebookException.class)
                .hasMessageContaining(fn.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void openReadOnlyOfAMissingFileCreatesNothing() {
        Path fn = dir.resolve("missing.json");
        assertThatThrownBy(() -> JsonLabNotebook.openReadOnly(fn)).isInstanceOf(NotebookException.class)
                .hasMessageContaining(fn.toString());
        assertThat(fn).doesNotExist();
    }

    @Test
    void aReadOnlyFileOpensReadOnlyAndCannotBeCreatedOver() throws Exception {
        Path fn = dir.resolve("ro.json");
        try (JsonLabNotebook nb = new JsonLabNotebook(fn, true)) {
            nb.addResult(JsonNotebookUpstreamTest.run(1, 2));
        }
        Files.setPosixFilePermissions(fn, PosixFilePermissions.fromString("r--r--r--"));
        String before = Fixtures.hash(fn);
        JsonLabNotebook nb = new JsonLabNotebook(fn);
        assertThat(nb.numberOfResults()).isEqualTo(1);
        assertThat(nb.isLocked()).isTrue();
        assertThatThrownBy(() -> nb.addResult(JsonNotebookUpstreamTest.run(3, 4))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> nb.addResultSet("x")).isInstanceOf(LabNotebookLockedException.class);
        nb.close();
        for (OpenMode mode : List.of(OpenMode.OVERWRITE)) {
            assertThatThrownBy(() -> new JsonLabNotebook(fn, mode, null)).isInstanceOf(NotebookException.class)
                    .hasMessageContaining(fn.toString()).hasMessageContaining("read-only");
        }
        assertThatThrownBy(() -> new JsonLabNotebook(fn, true)).isInstanceOf(NotebookExistsException.class);
        assertThat(Fixtures.hash(fn)).isEqualTo(before);
    }

    @Test
    void bareNaNAndInfinityAsPythonWritesThemAreRead() throws Exception {
        Path fn = dir.resolve("nan.json");
        Files.writeString(fn, "{\"version\": \"2\", \"current\": \"s\", \"resultsets\": {\"s\": {\"results\": [{"
                + "\"parameters\": {\"a\": 1}, \"metadata\": {\"epyc.experiment.status\": true,"
                + " \"epyc.experiment.start_time\": \"2026-01-02T03:04:05\"},"
                + " \"results\": {\"n\": NaN, \"i\": Infinity, \"m\": -Infinity, \"l\": [NaN, 1.5]}}],"
                + " \"pending-results\": {}, \"description\": \"d\", \"locked\": false}}}");
        var r = new JsonLabNotebook(fn).results().get(0);
        assertThat((Double) r.results().get("n")).isNaN();
        assertThat(r.results().get("i")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.results().get("m")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r.metadata().get("epyc.experiment.start_time"))
                .isEqualTo(java.time.LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    }
}
