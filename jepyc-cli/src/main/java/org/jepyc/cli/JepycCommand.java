package org.jepyc.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code jepyc} command: its subcommands do the work. */
@Command(name = "jepyc", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Computational experiment management for the JVM: run experiments over parameter "
                + "spaces and keep every result in a lab notebook (JSON or HDF5).",
        subcommands = {ShowCommand.class, SelectCommand.class, CopyCommand.class, RemoveCommand.class,
            ExportCommand.class, ConvertCommand.class, PlotCommand.class, PlanCommand.class, DemoCommand.class, CollectCommand.class,
            ClusterCommand.class, WorkerCommand.class, picocli.CommandLine.HelpCommand.class})
public final class JepycCommand implements Runnable {

    @Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show stack traces and debug logging.")
    void debug(boolean on) {
        Logging.debug(on);
    }

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
