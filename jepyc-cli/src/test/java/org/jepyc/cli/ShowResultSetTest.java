package org.jepyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jepyc.Experiment;
import org.jepyc.Lab;
import org.jepyc.json.JsonLabNotebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code jepyc show NOTEBOOK:TAG}, run in-process: a set's columns, their types, its first rows. */
class ShowResultSetTest {

    @Test
    void showsColumnsWithTypesAndTheFirstAndLastRows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nb.json");
        try (JsonLabNotebook nb = new JsonLabNotebook(file, true)) {
            nb.addResultSet("sweep", "A sweep of a");
            Lab lab = new Lab(nb);
            lab.put("a", IntStream.range(0, 40)).put("label", List.of("x"));
            lab.runExperiment(Experiment.of(p -> Map.of("half", (Long) p.get("a") / 2.0, "even", (Long) p.get("a") % 2 == 0)));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new JepycCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int exit = cl.execute("show", file + ":sweep");
        assertThat(exit).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).startsWith("Result set sweep: A sweep of a\n40 results, 0 pending\n");
        assertThat(text.lines()).contains("  parameter  a                                int64",
                "  parameter  label                            str",
                "  result     half                             float64",
                "  result     even                             bool");
        assertThat(text.lines().filter(l -> l.startsWith("  metadata   epyc.experiment.status "))).singleElement()
                .satisfies(l -> assertThat(l).endsWith(" bool"));
        assertThat(text).contains("\n...").contains("[40 rows x 4 columns;");

        StringWriter err2 = new StringWriter();
        int missing = new CommandLine(new JepycCommand()).setErr(new PrintWriter(err2))
                .setExecutionExceptionHandler(new ErrorHandler()).execute("show", file + ":nope");
        assertThat(missing).isEqualTo(1);
        assertThat(err2.toString()).contains("No result set nope", "sweep");
    }
}
