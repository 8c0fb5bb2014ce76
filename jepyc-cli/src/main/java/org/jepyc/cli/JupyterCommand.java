package org.jepyc.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jepyc jupyter}: install or remove the "Java (jepyc)" Jupyter kernel. */
@Command(name = "jupyter", mixinStandardHelpOptions = true,
        description = "Install or remove the Jupyter kernel \"Java (jepyc)\": Java notebooks with jepyc's API imported.",
        subcommands = {JupyterInstallCommand.class, JupyterUninstallCommand.class})
final class JupyterCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
