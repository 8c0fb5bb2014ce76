package org.jepyc.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.jepyc.LabNotebook;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jepyc plot}: a result against a parameter, as PNG, SVG or PDF. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Plot a result against a parameter, one series per value of --group, with error bars from the "
                + "_ci95 (or _stddev) companion of a summarised result. The output's extension (.png, .svg, .pdf) "
                + "chooses the format; an existing file is replaced only with --force, and never a notebook.")
final class PlotCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NOTEBOOK[:TAG]", description = "The notebook, and the result set (default: the current one).")
    String source;

    @Option(names = "--x", required = true, description = "The parameter on the x axis.")
    String x;

    @Option(names = "--y", required = true, description = "The result on the y axis (k or k_mean for a summarised k).")
    String y;

    @Option(names = "--group", description = "A parameter to draw one series per value of.")
    String group;

    @Option(names = "--style", defaultValue = "both", paramLabel = "line|points|both",
            description = "Lines, points, or both (default: ${DEFAULT-VALUE}).")
    Plotter.Style style;

    @Option(names = {"-o", "--output"}, required = true, description = "The file to write: NAME.png, NAME.svg or NAME.pdf.")
    Path output;

    @Option(names = "--format", paramLabel = "png|svg|pdf", description = "The format, when the output's name does not say.")
    String format;

    @Option(names = {"-f", "--force"}, description = "Replace the output file if it exists (never a notebook).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        ResultSetSpec s = ResultSetSpec.parse(source);
        Path file = s.notebookOr(null);
        OutputFile out = OutputFile.of(output, "-o", force, List.of(file));
        String fmt = OutputFile.format(output, format, Plotter.FORMATS);
        XYChart chart;
        try (LabNotebook nb = NotebookFiles.openReadOnly(file)) {
            String tag = NotebookFiles.tagOrCurrent(nb, s, file);
            System.setProperty("java.awt.headless", "true");
            String title = nb.resultSet(tag).description();
            chart = Plotter.chart(nb.dataframe(tag, true), x, y, group, title == null || title.isBlank() ? tag : title, style);
        }
        out.write(stream -> Plotter.write(chart, fmt, stream));
        return 0;
    }
}
