package org.jepyc.hdf5;

import org.jepyc.fixtures.SystemTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dflib.DataFrame;
import org.jepyc.Complex;
import org.jepyc.Experiment;
import org.jepyc.ResultSet;
import org.jepyc.resultset.Timestamps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notebook jepyc wrote is read by h5dump (exit 0) and by h5py (and pandas if installed), and
 * every group, table, field and attribute h5py sees matches what jepyc wrote. Skipped where
 * /usr/bin/python3 lacks h5py or h5dump is missing ({@code .ci/run} installs both).
 */
@SystemTest
class H5pyInteropTest {

    @TempDir
    Path tmp;

    @Test
    void h5dumpAndH5pyReadEveryGroupTableAndAttribute() throws Exception {
        assumeTrue(run(List.of("h5dump", "--version")).exit == 0, "h5dump not installed");
        assumeTrue(run(List.of("/usr/bin/python3", "-c", "import h5py")).exit == 0, "/usr/bin/python3 has no h5py");
        Path p = tmp.resolve("interop.h5");
        try (Hdf5LabNotebook nb = new Hdf5LabNotebook(p, true, "Ünïcödé notebook 🎲")) {
            nb.current().setAttribute("units", "metres");
            nb.current().setAttribute("trials", 3);
            for (int a = 0; a < 5; a++) {
                int k = a;
                nb.addResult(Experiment.of(q -> Map.of("total", k * 2L, "ratio", k / 3.0, "flag", k % 2 == 0,
                        "name", "naïve " + k, "z", new Complex(k, -k), "ints", List.of(k, k + 1),
                        "words", List.of("añejo", "w" + k))).set(Map.of("a", a, "s", "p" + a)).run());
            }
            nb.addPendingResult(Map.of("a", 9, "s", "pending ü"), "job-1");
            nb.addResultSet("second", "Second set");
            nb.addResult(Experiment.of(q -> {
                throw new IllegalStateException("bad ü");
            }).set(Map.of("x", 1.5)).run());
            nb.commit();
            nb.addResult(Experiment.of(q -> Map.of("y", 2L)).set(Map.of("x", 2.5)).run());   // an append
        }
        Result dump = run(List.of("h5dump", p.toString()));
        assertThat(dump.exit).as(dump.out).isZero();

        Path script = tmp.resolve("dump_notebook.py");
        try (InputStream in = getClass().getResourceAsStream("dump_notebook.py")) {
            Files.copy(in, script);
        }
        Result r = run(List.of("/usr/bin/python3", script.toString(), p.toString()));
        assertThat(r.exit).as(r.out).isZero();
        JsonNode seen = new ObjectMapper().readTree(r.out.substring(r.out.indexOf('{')));

        try (Hdf5LabNotebook nb = Hdf5LabNotebook.openReadOnly(p)) {
            JsonNode root = seen.get("attrs");
            assertThat(root.get("version").asText()).isEqualTo("1");
            assertThat(root.get("description").asText()).isEqualTo(nb.description());
            assertThat(root.get("current-resultset").asText()).isEqualTo(nb.currentTag());
            assertThat(root.get("locked").asBoolean()).isFalse();
            List<String> groups = new ArrayList<>();
            seen.get("sets").fieldNames().forEachRemaining(groups::add);
            assertThat(groups).containsExactlyInAnyOrderElementsOf(nb.resultSets());
            for (String tag : nb.resultSets()) {
                ResultSet rs = nb.resultSet(tag);
                JsonNode set = seen.get("sets").get(tag);
                assertThat(set.get("attrs").get("description").asText()).isEqualTo(rs.description());
                assertThat(set.get("attrs").get("locked").asBoolean()).as("nothing was finished").isFalse();
                for (String a : rs.attributeNames()) {
                    assertThat(set.get("attrs").get(a).asText()).isEqualTo(rs.getAttribute(a));
                }
                assertThat(set.get("attrs").size()).isEqualTo(rs.attributeNames().size() + 2);
                JsonNode results = set.get("results");
                assertThat(results.get("rows").asInt()).isEqualTo(rs.numberOfResults());
                assertThat(names(results.get("attrs").get("metadata"))).isEqualTo(rs.metadataNames());
                assertThat(names(results.get("attrs").get("parameters"))).isEqualTo(rs.parameterNames());
                if (!rs.resultNames().isEmpty()) {
                    assertThat(names(results.get("attrs").get("results"))).isEqualTo(rs.resultNames());
                }
                DataFrame df = rs.dataframe(false);
                assertThat(names(results.get("fields"))).containsExactly(df.getColumnsIndex().toArray());
                for (String c : df.getColumnsIndex().toArray()) {
                    JsonNode col = results.get("columns").get(c);
                    for (int i = 0; i < df.height(); i++) {
                        assertThat(plain(col.get(i))).as(tag + "." + c + "[" + i + "]").isEqualTo(plain(df.getColumn(c).get(i)));
                    }
                }
                if (rs.numberOfPendingResults() > 0) {
                    JsonNode pending = set.get("pending");
                    assertThat(names(pending.get("fields"))).endsWith("epyc.resultset.pending-jobid");
                    assertThat(names(pending.get("columns").get("epyc.resultset.pending-jobid")))
                            .isEqualTo(rs.pendingResults());
                    assertThat(pending.get("columns").get("s").get(0).asText()).isEqualTo("pending ü");   // non-ASCII text survives, where epyc's fixed-length ASCII mangled it
                } else {
                    assertThat(set.has("pending")).isFalse();
                }
            }
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Both sides as text: h5py's JSON and jepyc's values (date-times as isoformat, complex as [re, im]). */
    private static String plain(Object v) {
        if (v instanceof JsonNode n) {
            return n.isTextual() ? n.asText() : n.toString().replace(".0,", ",").replace(".0]", "]").replaceAll("\\.0$", "");
        }
        if (v instanceof LocalDateTime t) {
            return Timestamps.format(t);
        }
        if (v instanceof Complex z) {
            return plain(new ObjectMapper().valueToTree(List.of(z.re(), z.im())));
        }
        if (v instanceof List<?> || v instanceof Number || v instanceof Boolean) {
            return plain(new ObjectMapper().valueToTree(v));
        }
        return String.valueOf(v);
    }

    private record Result(int exit, String out) { }

    /** Runs a tool with its stderr going to a file, so a chatty stderr can never block it while stdout is read. */
    private static Result run(List<String> cmd) throws InterruptedException {
        try {
            java.nio.file.Path errFile = java.nio.file.Files.createTempFile("h5py-interop", ".err");
            try {
                Process proc = new ProcessBuilder(cmd).redirectError(errFile.toFile()).start();
                String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                boolean ended = proc.waitFor(60, TimeUnit.SECONDS);
                String err = java.nio.file.Files.readString(errFile);
                if (!ended) {
                    proc.destroyForcibly();
                    return new Result(-1, out + err + "\n(timed out)");
                }
                return new Result(proc.exitValue(), proc.exitValue() == 0 ? out : out + err);
            } finally {
                java.nio.file.Files.deleteIfExists(errFile);
            }
        } catch (IOException e) {
            return new Result(-1, e.toString());
        }
    }
}
