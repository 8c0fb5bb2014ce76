package org.jepyc.json;

import org.jepyc.fixtures.SystemTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jepyc.Complex;
import org.jepyc.Experiment;
import org.jepyc.NotebookException;
import org.jepyc.ResultsDict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every supported type through a save and a load, and the written tree against epyc's version-2 layout. */
class JsonRoundTripTest {
    @TempDir
    Path dir;

    static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 23, 21, 18, 27);          // no fraction
    static final LocalDateTime T1 = LocalDateTime.of(2026, 11, 23, 21, 18, 27, 848_030_000);

    static Map<String, Object> meta(boolean ok, LocalDateTime start, LocalDateTime end) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Experiment.STATUS, ok);
        m.put(Experiment.START_TIME, start);
        m.put(Experiment.END_TIME, end);
        m.put(Experiment.ELAPSED_TIME, 1.4e-05);
        m.put(Experiment.EXPERIMENT, "org.example.Typed");
        if (!ok) {
            m.put(Experiment.EXCEPTION, new IllegalArgumentException("boom \"quoted\""));
            m.put(Experiment.TRACEBACK, "java.lang.IllegalArgumentException: boom\n\tat x.y(Z.java:1)\n");
        }
        m.put("host", "node-1");
        return m;
    }

    static Map<String, Object> results() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("int", 3L);
        r.put("small", 1e-05);
        r.put("big", 1e16);
        r.put("nan", Double.NaN);
        r.put("inf", Double.POSITIVE_INFINITY);
        r.put("ninf", Double.NEGATIVE_INFINITY);
        r.put("flag", true);
        r.put("name", "héllo ∑ \uD83D\uDE00 \"q\" \\ \n\t end");
        r.put("ints", List.of(1L, 2L, 3L));
        r.put("floats", List.of(0.5, 1e-7));
        r.put("strs", List.of("a", "b"));
        r.put("bools", List.of(true, false));
        r.put("empty", List.of());
        return r;
    }

    JsonLabNotebook build(Path fn) {
        JsonLabNotebook nb = new JsonLabNotebook(fn, true, "every type ∂");
        nb.addResult(new ResultsDict(Map.of("a", 1L, "x", 0.25, "on", true, "s", "p"), meta(true, T1, T1), results()));
        nb.addResult(new ResultsDict(Map.of("a", 2L, "x", 0.5, "on", false, "s", "q"), meta(false, T0, T0), Map.of()));
        nb.addResult(new ResultsDict(Map.of("a", 3L, "x", 0.75, "on", true, "s", "r", "extra", 9L), meta(true, T0, T1),
                Map.of("int", -4L, "ints", List.of(7L))));
        nb.addPendingResult(Map.of("a", 4L, "x", 1.0, "on", true, "s", "t", "extra", 1L), "job-1");
        nb.current().setAttribute("units", "metres");
        nb.current().setAttribute("trials", 3L);
        nb.current().setAttribute("ratio", 0.5);
        nb.current().setAttribute("ok", true);
        nb.current().setAttribute("when", T1);
        nb.current().setAttribute("list", List.of(1L, 2L));
        nb.addResultSet("second", "Second set");
        nb.addResult(new ResultsDict(Map.of("a", 11L), meta(true, T1, T1), Map.of("total", 32L)));
        nb.addPendingResult(Map.of("a", 12L), "job-12");
        nb.current().finish();
        nb.select(org.jepyc.LabNotebook.DEFAULT_RESULTSET);
        return nb;
    }

    @Test
    void everySupportedTypeSurvivesSaveAndLoad() {
        Path fn = dir.resolve("all.json");
        JsonLabNotebook nb = build(fn);
        nb.close();
        JsonLabNotebook back = new JsonLabNotebook(fn);
        assertThat(back.description()).isEqualTo("every type ∂");
        assertThat(back.results()).isEqualTo(nb.results());
        assertThat(back.results("second")).isEqualTo(nb.results("second"));
        ResultsDict r0 = back.results().get(0);
        assertThat(r0.results()).isEqualTo(results());
        assertThat(r0.metadata().get(Experiment.START_TIME)).isEqualTo(T1);
        assertThat(back.results().get(1).metadata().get(Experiment.START_TIME)).isEqualTo(T0);
        assertThat(back.results().get(1).metadata().get(Experiment.EXCEPTION)).isEqualTo("boom \"quoted\"");
        assertThat(back.results().get(1).results()).isEmpty();
        assertThat(back.results().get(2).parameters()).containsEntry("extra", 9L);
        assertThat(back.results().get(0).parameters()).containsEntry("extra", 0L);   // zero-filled
        assertThat(back.pendingResultParameters("job-1")).isEqualTo(Map.of("a", 4L, "x", 1.0, "on", true, "s", "t", "extra", 1L));
        assertThat(back.current().getAttribute("trials")).isEqualTo(3L);
        assertThat(back.current().getAttribute("ratio")).isEqualTo(0.5);
        assertThat(back.current().getAttribute("ok")).isEqualTo(true);
        assertThat(back.current().getAttribute("when")).isEqualTo("2026-11-23T21:18:27.848030");   // JSON keeps text
        assertThat(back.current().getAttribute("list")).isEqualTo(List.of(1L, 2L));
        assertThat(back.current().attributeNames()).containsExactly("units", "trials", "ratio", "ok", "when", "list");
        assertThat(back.resultSet("second").isLocked()).isTrue();
        assertThat(back.resultSet("second").description()).isEqualTo("Second set");
        assertThat(back.numberOfResults("second")).isEqualTo(2);
    }

    @Test
    void aPendingJobLackingAParameterLaterRowsAddedIsZeroFilled() {
        Path fn = dir.resolve("p.json");
        try (JsonLabNotebook nb = new JsonLabNotebook(fn, true)) {
            nb.addPendingResult(Map.of("a", 1L), "j");
            nb.addResult(new ResultsDict(Map.of("a", 2L, "b", 2.5), meta(true, T0, T0), Map.of("v", 1L)));
        }
        assertThat(new JsonLabNotebook(fn).pendingResultParameters("j")).isEqualTo(Map.of("a", 1L, "b", 0.0));
    }

    @Test
    void theWrittenTreeIsEpycsLayout() throws Exception {
        Path fn = dir.resolve("layout.json");
        build(fn).close();
        String text = Files.readString(fn, StandardCharsets.UTF_8);
        JsonNode root = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(text);
        assertThat(names(root)).containsExactly("creator", "version", "description", "current", "locked", "resultsets");
        assertThat(root.get("creator").isTextual()).isTrue();
        assertThat(root.get("version").isTextual()).isTrue();
        assertThat(root.get("version").asText()).isEqualTo("2");
        assertThat(root.get("description").asText()).isEqualTo("every type ∂");
        assertThat(root.get("current").asText()).isEqualTo("epyc.resultset.default");
        assertThat(root.get("locked").isBoolean()).isTrue();
        assertThat(names(root.get("resultsets"))).containsExactly("epyc.resultset.default", "second");

        JsonNode set = root.get("resultsets").get("epyc.resultset.default");
        assertThat(names(set)).containsExactly("results", "pending-results", "units", "trials", "ratio", "ok", "when",
                "list", "description", "locked");
        assertThat(set.get("locked").asBoolean()).isFalse();
        JsonNode rows = set.get("results");
        assertThat(rows.size()).isEqualTo(3);
        for (JsonNode row : rows) {
            assertThat(names(row)).containsExactly("parameters", "metadata", "results");
            assertThat(names(row.get("parameters"))).containsExactly("a", "extra", "on", "s", "x");
            List<String> md = names(row.get("metadata"));
            assertThat(md).isSorted().contains("host", "epyc.experiment.classname", "epyc.experiment.elapsed_time",
                    "epyc.experiment.end_time", "epyc.experiment.exception", "epyc.experiment.experiment_time",
                    "epyc.experiment.setup_time", "epyc.experiment.start_time", "epyc.experiment.status",
                    "epyc.experiment.teardown_time", "epyc.experiment.traceback").hasSize(11);
        }
        JsonNode ok = rows.get(0);
        assertThat(ok.get("metadata").get("epyc.experiment.exception").asText()).isEmpty();
        assertThat(ok.get("metadata").get("epyc.experiment.traceback").asText()).isEmpty();
        assertThat(ok.get("metadata").get("epyc.experiment.start_time").asText()).isEqualTo("2026-11-23T21:18:27.848030");
        assertThat(ok.get("metadata").get("epyc.experiment.status").isBoolean()).isTrue();
        assertThat(ok.get("metadata").get("epyc.experiment.setup_time").isDouble()).isTrue();   // zero-fill 0.0
        assertThat(ok.get("parameters").get("extra").isIntegralNumber()).isTrue();
        assertThat(names(ok.get("results"))).isSorted().hasSize(13);
        assertThat(Double.isNaN(ok.get("results").get("nan").asDouble())).isTrue();
        assertThat(ok.get("results").get("ints").isArray()).isTrue();
        JsonNode failed = rows.get(1);
        assertThat(failed.get("results").size()).isZero();
        assertThat(failed.get("metadata").get("epyc.experiment.exception").asText()).isEqualTo("boom \"quoted\"");
        assertThat(failed.get("metadata").get("epyc.experiment.start_time").asText()).isEqualTo("2026-11-23T21:18:27");
        assertThat(failed.get("metadata").get("epyc.experiment.status").asBoolean()).isFalse();
        assertThat(rows.get(2).get("results").get("name").asText()).isEmpty();   // zero-filled string
        assertThat(set.get("pending-results").get("job-1").get("extra").asLong()).isEqualTo(1);
        assertThat(names(set.get("pending-results").get("job-1"))).isSorted();

        JsonNode second = root.get("resultsets").get("second");
        assertThat(second.get("locked").asBoolean()).isTrue();
        assertThat(second.get("pending-results").size()).isZero();
        JsonNode cancelled = second.get("results").get(1).get("metadata");
        assertThat(cancelled.get("epyc.experiment.exception").asText()).isEqualTo("Cancelled");
        assertThat(cancelled.get("epyc.experiment.start_time").asText()).isEmpty();

        // the text: Python's json.dump(indent=4), bare NaN/Infinity, Python float repr, ASCII only
        assertThat(text).startsWith("{\n    \"creator\": ").doesNotEndWith("\n");
        assertThat(text).contains("\"nan\": NaN", "\"inf\": Infinity", "\"ninf\": -Infinity", "\"small\": 1e-05",
                "\"big\": 1e+16", "\"results\": {}", "\"empty\": []", "\"ints\": [\n");
        assertThat(text.chars().allMatch(c -> c < 128)).isTrue();
        for (String line : text.split("\n")) {
            int lead = line.length() - line.stripLeading().length();
            assertThat(lead % 4).as(line).isZero();
            assertThat(line).doesNotEndWith(" ");
        }
    }

    @Test
    @SystemTest
    void pythonsJsonModuleReadsTheFile() throws Exception {
        String py = Fixtures.python();
        assumeTrue(py != null, "no python3 here");
        Path fn = dir.resolve("py.json");
        build(fn).close();
        String script = "import json,sys,math\n"
                + "j=json.load(open(sys.argv[1]))\n"
                + "d=j['resultsets']['epyc.resultset.default']\n"
                + "r=d['results'][0]['results']\n"
                + "print(j['version'], len(d['results']), sorted(d['pending-results']), math.isnan(r['nan']),"
                + " r['inf'], r['name'] == 'h\\u00e9llo \\u2211 \\U0001F600 \"q\" \\\\ \\n\\t end',"
                + " d['results'][1]['metadata']['epyc.experiment.exception'], j['resultsets']['second']['locked'])\n";
        Process p = new ProcessBuilder(py, "-c", script, fn.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).isEqualTo("2 3 ['job-1'] True inf True boom \"quoted\" True");
    }

    @Test
    void complexValuesAreRefusedAtCommitNamingTheColumnAndTheFileStays() throws Exception {
        Path fn = dir.resolve("c.json");
        try (JsonLabNotebook nb = new JsonLabNotebook(fn, true)) {
            nb.addResult(new ResultsDict(Map.of("a", 1L), meta(true, T0, T0), Map.of("v", 1L)));
        }
        String before = Fixtures.hash(fn);
        JsonLabNotebook nb = new JsonLabNotebook(fn);
        nb.addResult(new ResultsDict(Map.of("a", 2L), meta(true, T0, T0), Map.of("v", 2L, "z", new Complex(1, 2))));
        assertThatThrownBy(nb::commit).isInstanceOf(NotebookException.class)
                .hasMessageContaining(fn.toString()).hasMessageContaining("complex").hasMessageContaining("z");
        assertThat(Fixtures.hash(fn)).isEqualTo(before);
        assertThat(leftovers()).isEmpty();
        assertThat(nb.numberOfResults()).isEqualTo(2);   // still in memory
    }

    private List<String> leftovers() throws Exception {
        List<String> out = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".jepyc-tmp")).forEach(p -> out.add(p.toString()));
        }
        return out;
    }

    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
