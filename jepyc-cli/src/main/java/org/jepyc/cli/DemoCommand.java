package org.jepyc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.dflib.DataFrame;
import org.jepyc.ConsoleProgress;
import org.jepyc.LabNotebook;
import org.jepyc.OpenMode;
import org.jepyc.ParallelLab;
import org.jepyc.examples.EpidemicSweep;
import org.jepyc.storage.FilePermissions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jepyc demo}: a real small campaign in one command. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run an SIR epidemic on a random network over a grid of infection and recovery probabilities, "
                + "20 repetitions per point summarised, on every core but one, into a notebook; print the summary "
                + "and plot it. Run again, it reuses the notebook's results instead of recomputing them.")
final class DemoCommand implements Callable<Integer> {
    /** The demo campaign's root seed. */
    static final long SEED = 2026;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    @Spec
    CommandSpec spec;

    @Option(names = "--notebook", defaultValue = "demo.h5", description = "The notebook to fill (default: ${DEFAULT-VALUE}).")
    Path notebook;

    @Option(names = "--plot", defaultValue = "demo.png", description = "The PNG picture to write (default: ${DEFAULT-VALUE}).")
    Path plot;

    @Option(names = {"-f", "--force"}, description = "Replace the --plot file even if it is not a PNG picture (never a notebook).")
    boolean force;

    @Option(names = "--cores", description = "Cores to use: 0 all, -n all but n (default: -1 when there are several cores).")
    Integer cores;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!plot.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new UsageException("--plot " + plot + ": the demo draws a PNG picture; name it NAME.png");
        }
        NotebookFiles.formatOf(notebook);
        // the demo's own plot of an earlier run may be replaced; anything else that is not a PNG picture only with --force
        OutputFile plotFile = OutputFile.of(plot, "--plot", force || isPng(plot), List.of(notebook));
        // a notebook the user may not write can still show the results it holds
        boolean readOnly = Files.exists(notebook) && !FilePermissions.isWritable(notebook);
        int available = Runtime.getRuntime().availableProcessors();
        int use = cores != null ? cores : available > 1 ? -1 : 0;
        try (LabNotebook nb = readOnly ? NotebookFiles.openReadOnly(notebook) : NotebookFiles.open(notebook, OpenMode.OPEN_OR_CREATE)) {
            if (nb.isLocked() && !nb.contains(EpidemicSweep.TAG)) {
                throw new UserException("Notebook " + notebook + " is " + (readOnly ? "read-only (no write permission)" : "locked (finished)")
                        + " and holds no result set " + EpidemicSweep.TAG + ", so the demo cannot record its results there: "
                        + "give another --notebook");
            }
            boolean ran;
            long t0 = System.nanoTime();
            int used;
            try (ParallelLab lab = new ParallelLab(nb, use)) {
                lab.withProgress(new ConsoleProgress("SIR sweep", WriterOutputStream.printStream(spec.commandLine().getErr()),
                        System.console() != null));
                lab.withSeed(SEED);   // the same numbers on every machine, with any number of cores
                ran = EpidemicSweep.run(lab);
                used = lab.numberOfCores();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.println(ran ? String.format("Ran %d points x %d repetitions on %d core%s in %.1f s into %s",
                    nb.current().numberOfResults(), EpidemicSweep.REPETITIONS, used, used == 1 ? "" : "s", seconds, notebook)
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
        out.flush();
        return 0;
    }

    private static boolean isPng(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(PNG_SIGNATURE.length), PNG_SIGNATURE);
        } catch (IOException e) {
            return false;
        }
    }

    static void print(DataFrame df, PrintWriter out) {
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
