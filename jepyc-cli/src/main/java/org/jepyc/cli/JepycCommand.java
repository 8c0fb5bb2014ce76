package org.jepyc.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The top-level {@code jepyc} command: its subcommands do the work. */
@Command(name = "jepyc", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Computational experiment management for the JVM: run experiments over parameter "
                + "spaces and keep every result in a lab notebook (JSON or HDF5).",
        subcommands = {ShowCommand.class, SelectCommand.class, CopyCommand.class, RemoveCommand.class,
            ExportCommand.class, ConvertCommand.class, PlotCommand.class, PlanCommand.class, DemoCommand.class,
            CollectCommand.class,
            ClusterCommand.class, WorkerCommand.class,
            RunCommand.class,
            ShellCommand.class,
            NewCommand.class,
            JupyterCommand.class,
            DashboardCommand.class,
            picocli.CommandLine.HelpCommand.class})
public final class JepycCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show stack traces and debug logging.")
    void debug(boolean on) {
        Logging.debug(on);
    }

    /** Without a command, lists the commands (on standard output, as {@code --help} does). */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
