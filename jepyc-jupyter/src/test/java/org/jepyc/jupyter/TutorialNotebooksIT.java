package org.jepyc.jupyter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the kernel from this module's build (its jar and target/lib) into a temporary prefix and
 * executes every tutorial with Jupyter's own nbconvert, as a reader would run them: any cell error
 * fails the test, and the outputs that matter — tables, progress lines, pictures, lab states — are
 * checked. The cluster tutorials start and stop their own two workers under a private JEPYC_HOME;
 * whatever is left of them afterwards is killed, by process id.
 */
@Tag("system")
class TutorialNotebooksIT {
    private static final Path NBCONVERT = Path.of("/usr/bin/jupyter-nbconvert");

    @TempDir
    static Path tmp;
    private static Path prefix;

    @BeforeAll
    static void installKernel() throws Exception {
        assumeTrue(Files.isExecutable(NBCONVERT), "Jupyter's nbconvert is not installed (Debian: jupyter-nbconvert "
                + "python3-nbclient; .ci/run installs them): the tutorials were not executed");
        Path target = Path.of("jepyc-jupyter/target");
        List<Path> cp = new ArrayList<>();
        try (Stream<Path> jars = Files.list(target)) {
            jars.filter(p -> p.getFileName().toString().matches("jepyc-jupyter-.*\\.jar")).forEach(cp::add);
        }
        assertThat(cp).as("the module's jar (failsafe runs after package)").hasSize(1);
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            jars.sorted().forEach(cp::add);
        }
        prefix = tmp.resolve("prefix");
        new KernelSpec(Path.of(System.getProperty("java.home"), "bin", "java").toString(), cp)
                .install(KernelSpec.prefixKernelsDir(prefix));
    }

    @AfterAll
    static void killLeftoverWorkers() {
        if (tmp == null) {
            return;
        }
        String home = tmp.resolve("jepyc-home").toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(home)).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    /** Executes one tutorial and returns the executed notebook. */
    private static JsonNode execute(String name) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(tmp.resolve(name.replace(".ipynb", "")));
        Path in = dir.resolve(name);
        Files.copy(Path.of("docs/tutorials", name), in);
        Path log = dir.resolve("nbconvert.log");
        ProcessBuilder pb = new ProcessBuilder(NBCONVERT.toString(), "--to", "notebook", "--execute",
                "--ExecutePreprocessor.startup_timeout=300", "--ExecutePreprocessor.timeout=600",
                "--output", "executed.ipynb", in.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        env.put("JUPYTER_DATA_DIR", tmp.resolve("jupyter-data").toString());
        env.put("JUPYTER_CONFIG_DIR", tmp.resolve("jupyter-config").toString());
        env.put("JEPYC_HOME", tmp.resolve("jepyc-home").toString());
        Process p = pb.start();
        try {
            if (!p.waitFor(12, TimeUnit.MINUTES)) {
                throw new AssertionError(name + " did not finish in 12 minutes; log: " + tail(log));
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as(name + " executed without a cell error; log:\n" + tail(log)).isZero();
        return new ObjectMapper().readTree(dir.resolve("executed.ipynb").toFile());
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("Parsing classpath") && !l.startsWith("Add ") && !l.contains("[INFO"))
                .toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** @return every output of the code cells, in order, as (MIME type → text) */
    private static List<Map<String, String>> outputs(JsonNode nb) {
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode cell : nb.path("cells")) {
            for (JsonNode o : cell.path("outputs")) {
                Map<String, String> m = new java.util.LinkedHashMap<>();
                o.path("data").properties().forEach(e -> m.put(e.getKey(), text(e.getValue())));
                if (o.has("text")) {
                    m.put(o.path("name").asText("stream"), text(o.path("text")));
                }
                out.add(m);
            }
        }
        return out;
    }

    private static String text(JsonNode v) {
        if (v.isArray()) {
            StringBuilder b = new StringBuilder();
            v.forEach(x -> b.append(x.asText()));
            return b.toString();
        }
        return v.asText();
    }

    private static List<String> html(JsonNode nb) {
        return outputs(nb).stream().map(m -> m.getOrDefault("text/html", "")).toList();
    }

    private static long pictures(JsonNode nb) {
        return outputs(nb).stream().filter(m -> m.containsKey("image/png") && m.get("image/png").length() > 1000).count();
    }

    @Test
    void tutorial1ExperimentsLabsNotebooks() throws Exception {
        JsonNode nb = execute("01-experiments-labs-notebooks.ipynb");
        List<String> html = html(nb);
        assertThat(html).anySatisfy(h -> assertThat(h).contains("<table class=\"dataframe\"").contains("<th>x</th><th>y</th><th>z</th>")
                .contains("400 rows × 3 columns").contains("<th>…</th>").contains("<th>399</th>"));
        assertThat(html).anySatisfy(h -> assertThat(h).contains("<th>" + org.jepyc.Experiment.STATUS + "</th>").contains("400 rows"));
        assertThat(html).anySatisfy(h -> assertThat(h).contains("<th>z_mean</th>").contains("<th>z_ci95</th>").contains("4 rows"));
        assertThat(html).anySatisfy(h -> assertThat(h).contains("The curve, kept").contains("<td>20</td>"));
        assertThat(pictures(nb)).isEqualTo(1);
    }

    @Test
    void tutorial2ParallelAndCluster() throws Exception {
        JsonNode nb = execute("02-parallel.ipynb");
        List<String> html = html(nb);
        // one progress line per run, redrawn in place: its last state is the only one kept
        assertThat(html.stream().filter(h -> h.contains("jepyc-progress"))).hasSize(2);
        assertThat(html).anySatisfy(h -> assertThat(h).contains("products: 40/40").contains(", done"));
        assertThat(html).anySatisfy(h -> assertThat(h).contains("epidemics: 8/8"));
        assertThat(html).anySatisfy(h -> assertThat(h).contains("<th>a</th><th>b</th><th>product</th>").contains("40 rows"));
        // a lambda declared in the notebook, inside combinators, copied for every run
        assertThat(html).anySatisfy(h -> assertThat(h).contains("<th>square_mean</th>").contains("<td>49.0</td>")
                .contains("8 rows"));
        assertThat(html).anySatisfy(h -> assertThat(h).contains("ClusterLab (2 engines)"));
        assertThat(html).anySatisfy(h -> assertThat(h).contains("<th>size_mean</th>").contains("8 rows"));
        assertThat(html).anySatisfy(h -> assertThat(h).contains("0 workers left running"));
        assertThat(pictures(nb)).isEqualTo(1);
    }

    @Test
    void tutorial3ResultSetsAttributesHdf5() throws Exception {
        JsonNode nb = execute("03-result-sets-attributes-hdf5.ipynb");
        List<String> html = html(nb);
        assertThat(html).anySatisfy(h -> assertThat(h).contains("subcritical").contains("supercritical (current)"));
        assertThat(html).anySatisfy(h -> assertThat(h).contains("R0 below 1: outbreaks die out").contains("60 rows"));
        assertThat(html).anySatisfy(h -> assertThat(h).contains("model: Galton-Watson branching process"));
        assertThat(html).anySatisfy(h -> assertThat(h).contains("<th>major outbreaks</th>").contains("3 rows"));
    }

    @Test
    void tutorial4JupyterCreateWithAndDisconnectedCollection() throws Exception {
        JsonNode nb = execute("04-jupyter.ipynb");
        List<String> html = html(nb);
        // the second createWith of the same set runs nothing
        assertThat(html.stream().filter(h -> h.equals("body run 1 time(s); 2000 results"))).hasSize(2);
        assertThat(html).anySatisfy(h -> assertThat(h).contains("collatz-large (current)").contains("501"));
        assertThat(html).anySatisfy(h -> assertThat(h).isEqualTo("7 points pending"));
        assertThat(html).anySatisfy(h -> assertThat(h).contains("ClusterLab (2 engines)").contains("[sir]: 7 results, 0 pending, 100% ready"));
        assertThat(html).anySatisfy(h -> assertThat(h).contains("<th>size_mean</th>").contains("7 rows"));
        assertThat(html).anySatisfy(h -> assertThat(h).contains("0 workers left running"));
        assertThat(pictures(nb)).isEqualTo(1);
    }
}
