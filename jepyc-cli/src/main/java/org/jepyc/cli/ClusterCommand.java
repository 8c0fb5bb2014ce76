package org.jepyc.cli;

import picocli.CommandLine.Command;

/** {@code jepyc cluster}: start, watch and stop a local cluster of workers. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Start, watch and stop a cluster of jepyc workers (Hazelcast members) for ClusterLab.",
        subcommands = {ClusterStartCommand.class, ClusterStatusCommand.class, ClusterStopCommand.class, ClusterScaleCommand.class})
final class ClusterCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
