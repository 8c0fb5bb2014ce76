package org.jepyc.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.dflib.DataFrame;
import org.jepyc.LabNotebook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jepyc export}: a result set as CSV or JSON, for other tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a result set's rows as CSV (as pandas' to_csv writes them) or JSON (an array of row objects). "
                + "The format follows the output's extension (.csv, .json) unless --format says it. An existing file is "
                + "replaced only with --force, and never a notebook or the notebook read. "
                + "Parquet export is not available in this build.")
final class ExportCommand implements Callable<Integer> {
    private static final List<String> FORMATS = List.of("csv", "json");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NOTEBOOK[:TAG]", description = "The notebook, and the result set (default: the current one).")
    String source;

    @Option(names = "--format", paramLabel = "csv|json",
            description = "csv or json (default: the output's extension; required for standard output).")
    String format;

    @Option(names = {"-o", "--output"}, description = "The file to write (default: standard output).")
    Path output;

    @Option(names = {"-f", "--force"}, description = "Replace the output file if it exists (never a notebook).")
    boolean force;

    @Option(names = "--only-successful", description = "Leave out failed and cancelled rows.")
    boolean onlySuccessful;

    @Override
    public Integer call() throws IOException {
        ResultSetSpec s = ResultSetSpec.parse(source);
        Path file = s.notebookOr(null);
        OutputFile out = output == null ? null : OutputFile.of(output, "-o", force, List.of(file));
        String fmt = OutputFile.format(output, format, FORMATS);
        DataFrame df;
        try (LabNotebook nb = NotebookFiles.openReadOnly(file)) {
            String tag = NotebookFiles.tagOrCurrent(nb, s, file);
            df = nb.dataframe(tag, onlySuccessful);
        }
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            write(df, fmt, w);
            w.flush();
            return 0;
        }
        out.write(stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            write(df, fmt, w);
            w.flush();
        });
        return 0;
    }

    private static void write(DataFrame df, String fmt, Writer w) {
        try {
            if (fmt.equals("csv")) {
                TableText.csv(df, w);
            } else {
                TableText.json(df, w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
