package org.jepyc.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.jepyc.cluster.admin.ClusterUnavailableException;
import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.admin.JepycHome;
import org.jepyc.cluster.slurm.Slurm;
import org.jepyc.cluster.slurm.SlurmCluster;
import org.jepyc.cluster.slurm.SlurmWorkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jepyc cluster scale --slurm +K}: K more SLURM workers for a running cluster. */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Submit more SLURM workers to a cluster started with `cluster start --slurm` "
                + "(with --resubmit, the head then keeps that many more alive).")
final class ClusterScaleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--slurm", required = true, description = "Scale the SLURM workers (the only kind that scales).")
    boolean slurm;

    @Option(names = "--profile", defaultValue = JepycHome.DEFAULT_PROFILE, description = "Profile name (default: ${DEFAULT-VALUE}).")
    String profile;

    @Parameters(index = "0", paramLabel = "+K", description = "How many workers to add, e.g. +4.")
    String change;

    @Override
    public Integer call() throws Exception {
        int k;
        try {
            k = Integer.parseInt(change.startsWith("+") ? change.substring(1) : change);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The number of workers to add must be +K with K at least 1, got " + change);
        }
        if (k < 1) {
            throw new IllegalArgumentException("The number of workers to add must be +K with K at least 1, got " + change);
        }
        SlurmCluster cluster = new SlurmCluster(JepycHome.profileDir(profile), new Slurm());
        if (!cluster.exists()) {
            throw new IllegalArgumentException("Profile " + profile + " has no SLURM workers: start it with "
                    + "`jepyc cluster start --slurm`");
        }
        ConnectionFile cf = ConnectionFile.read(JepycHome.connectionFile(profile));
        try {
            SlurmWorkers.addToTarget(cf, k, Duration.ofSeconds(3));
        } catch (ClusterUnavailableException e) {
            throw new IllegalStateException("The cluster's head does not answer, so new workers would have nothing to "
                    + "join: start the cluster again (" + e.getMessage() + ")", e);
        }
        List<String> ids = cluster.submit(k);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Submitted %d more workers to SLURM: %s%n", k, String.join(", ", ids));
        out.flush();
        return 0;
    }
}
