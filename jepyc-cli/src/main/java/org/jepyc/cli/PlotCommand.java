package org.jepyc.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.jepyc.LabNotebook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jepyc plot}: a result against a parameter, as a PNG. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Plot a result against a parameter as a PNG line plot, one line per value of --group, "
                + "with error bars from the _ci95 (or _stddev) companion of a summarised result.")
final class PlotCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NOTEBOOK[:TAG]", description = "The notebook, and the result set (default: the current one).")
    String spec;

    @Option(names = "--x", required = true, description = "The parameter on the x axis.")
    String x;

    @Option(names = "--y", required = true, description = "The result on the y axis (k or k_mean for a summarised k).")
    String y;

    @Option(names = "--group", description = "A parameter to draw one line per value of.")
    String group;

    @Option(names = {"-o", "--output"}, required = true, description = "The PNG file to write.")
    Path output;

    @Override
    public Integer call() throws Exception {
        ResultSetSpec s = ResultSetSpec.parse(spec);
        Path file = s.notebookOr(null);
        try (LabNotebook nb = NotebookFiles.openReadOnly(file)) {
            String tag = NotebookFiles.tagOrCurrent(nb, s, file);
            System.setProperty("java.awt.headless", "true");
            Plotter.plot(nb.dataframe(tag, true), x, y, group, nb.resultSet(tag).description(), output);
        }
        return 0;
    }
}
