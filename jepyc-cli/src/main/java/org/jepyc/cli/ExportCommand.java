package org.jepyc.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.dflib.DataFrame;
import org.jepyc.LabNotebook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jepyc export}: a result set as CSV or JSON, for other tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a result set's rows as CSV (as pandas' to_csv writes them) or JSON (an array of row objects). "
                + "Parquet export is not available in this build.")
final class ExportCommand implements Callable<Integer> {

    /** The formats. */
    enum Format { csv, json }

    @Parameters(paramLabel = "NOTEBOOK[:TAG]", description = "The notebook, and the result set (default: the current one).")
    String spec;

    @Option(names = "--format", required = true, description = "csv or json.")
    Format format;

    @Option(names = {"-o", "--output"}, description = "The file to write (default: standard output).")
    Path output;

    @Option(names = "--only-successful", description = "Leave out failed and cancelled rows.")
    boolean onlySuccessful;

    @Override
    public Integer call() throws IOException {
        ResultSetSpec s = ResultSetSpec.parse(spec);
        Path file = s.notebookOr(null);
        DataFrame df;
        try (LabNotebook nb = NotebookFiles.openReadOnly(file)) {
            String tag = NotebookFiles.tagOrCurrent(nb, s, file);
            df = nb.dataframe(tag, onlySuccessful);
        }
        if (output == null) {
            Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            write(df, w);
            w.flush();
            return 0;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UserException("Can't write " + output + ": no directory " + parent);
        }
        Path tmp = Files.createTempFile(parent, ".export-", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(df, w);
            }
            Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return 0;
    }

    private void write(DataFrame df, Writer w) {
        try {
            if (format == Format.csv) {
                TableText.csv(df, w);
            } else {
                TableText.json(df, w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
