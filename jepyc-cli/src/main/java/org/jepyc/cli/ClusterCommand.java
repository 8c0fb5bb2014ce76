package org.jepyc.cli;

import picocli.CommandLine.Command;

/** {@code jepyc cluster}: start, watch and stop a local cluster of workers. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Start, watch and stop a cluster of jepyc workers (Hazelcast members) for ClusterLab.",
        subcommands = {ClusterStartCommand.class, ClusterStatusCommand.class, ClusterStopCommand.class, ClusterScaleCommand.class})
final class ClusterCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
