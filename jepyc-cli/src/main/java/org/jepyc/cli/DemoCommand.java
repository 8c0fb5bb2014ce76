package org.jepyc.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.dflib.DataFrame;
import org.jepyc.ConsoleProgress;
import org.jepyc.LabNotebook;
import org.jepyc.OpenMode;
import org.jepyc.ParallelLab;
import org.jepyc.examples.EpidemicSweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jepyc demo}: a real small campaign in one command. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run an SIR epidemic on a random network over a grid of infection and recovery probabilities, "
                + "20 repetitions per point summarised, on every core but one, into a notebook; print the summary "
                + "and plot it. Run again, it reuses the notebook's results instead of recomputing them.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--notebook", defaultValue = "demo.h5", description = "The notebook to fill (default: ${DEFAULT-VALUE}).")
    Path notebook;

    @Option(names = "--plot", defaultValue = "demo.png", description = "The plot to write (default: ${DEFAULT-VALUE}).")
    Path plot;

    @Option(names = "--cores", description = "Cores to use: 0 all, -n all but n (default: -1 when there are several cores).")
    Integer cores;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        OutputFile.format(plot, null, java.util.List.of("png"));
        // the demo's own plot of an earlier run may be replaced; anything else that is not a PNG picture may not
        OutputFile plotFile = OutputFile.of(plot, "--plot", isPng(plot), java.util.List.of(notebook));
        int available = Runtime.getRuntime().availableProcessors();
        int use = cores != null ? cores : available > 1 ? -1 : 0;
        try (LabNotebook nb = NotebookFiles.open(notebook, OpenMode.OPEN_OR_CREATE);
             ParallelLab lab = new ParallelLab(nb, use)) {
            lab.withProgress(ConsoleProgress.onStandardError("SIR sweep"));
            long t0 = System.nanoTime();
            boolean ran = EpidemicSweep.run(lab);
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.println(ran ? String.format("Ran %d points x %d repetitions on %d core%s in %.1f s into %s",
                    nb.current().numberOfResults(), EpidemicSweep.REPETITIONS, lab.numberOfCores(),
                    lab.numberOfCores() == 1 ? "" : "s", seconds, notebook)
                    : "Reused result set " + EpidemicSweep.TAG + " from " + notebook + " (delete it to recompute)");
            out.println();
            DataFrame df = nb.dataframe();
            print(df, out);
            System.setProperty("java.awt.headless", "true");
            var chart = Plotter.chart(df, "pInfect", "size", "pRecover", nb.current().description(), Plotter.Style.both);
            plotFile.write(stream -> Plotter.write(chart, "png", stream));
            out.println();
            out.println("Plot of the epidemic size written to " + plot);
        }
        return 0;
    }

    private static boolean isPng(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(8), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static void print(DataFrame df, PrintStream out) {
        DataFrame t = df.cols("pInfect", "pRecover", "size_mean", "size_ci95", "peak_mean", "duration_mean").select()
                .sort(new String[] {"pInfect", "pRecover"}, new boolean[] {true, true});
        out.printf("%8s %8s %16s %10s %10s%n", "pInfect", "pRecover", "size (95% CI)", "peak", "duration");
        for (int i = 0; i < t.height(); i++) {
            out.printf("%8.2f %8.2f %7.3f ± %.3f %10.3f %10.1f%n",
                    (Double) t.getColumn("pInfect").get(i), (Double) t.getColumn("pRecover").get(i),
                    (Double) t.getColumn("size_mean").get(i), (Double) t.getColumn("size_ci95").get(i),
                    (Double) t.getColumn("peak_mean").get(i), (Double) t.getColumn("duration_mean").get(i));
        }
    }
}
