package org.jepyc.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jepyc.cluster.admin.ClusterUnavailableException;
import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.admin.JepycHome;
import org.jepyc.cluster.client.ClusterStatus;
import org.jepyc.cluster.client.JobClient;
import org.jepyc.cluster.protocol.Signer;
import org.jepyc.cluster.worker.ShutdownMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jepyc cluster stop}: every worker of the profile's cluster shuts down, and the
 * connection file goes with them, so that nothing is left pointing at a cluster that is gone.
 */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop the cluster's workers (a signed shutdown message; workers this machine started "
                + "that do not stop in time are killed) and remove the profile's connection file.")
final class ClusterStopCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", defaultValue = JepycHome.DEFAULT_PROFILE, description = "Profile name (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--timeout", defaultValue = "30", description = "Seconds to wait for workers to stop (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--force", description = "Stop even if the cluster still holds queued, running or uncollected work.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (timeout < 0) {
            throw UsageErrorHandler.usage(spec, "--timeout cannot be negative");
        }
        Path file = JepycHome.connectionFile(profile);
        ConnectionFile cf = ConnectionFile.read(file);
        PrintWriter out = spec.commandLine().getOut();
        Set<Long> pids = new LinkedHashSet<>();
        Path pidFile = JepycHome.profileDir(profile).resolve(ClusterStartCommand.PIDS);
        if (Files.exists(pidFile)) {
            for (String l : Files.readAllLines(pidFile)) {
                try {
                    pids.add(Long.parseLong(l.trim()));
                } catch (NumberFormatException e) {
                    // not a pid: nothing of ours to stop there
                }
            }
        }
        int members = 0;
        try (JobClient c = JobClient.connect(cf, Duration.ofSeconds(3), 0)) {
            ClusterStatus s = c.status(new Signer(cf.secret()));
            s.members().forEach(m -> pids.add(m.pid()));
            members = s.members().size();
            if (!force && s.queuedBatches() + s.runningBatches() + s.finishedBatches() > 0) {
                throw new UserException("The cluster of profile " + profile + " still holds " + s.queuedPoints() + " queued and "
                        + s.runningPoints() + " running points, and " + s.finishedBatches() + " finished tasks not yet "
                        + "collected; stopping it loses them. Collect them first with `jepyc collect NOTEBOOK"
                        + profileOption() + "`, or give --force");
            }
            c.publishControl(ShutdownMessage.create(new Signer(cf.secret())));
        } catch (ClusterUnavailableException e) {
            spec.commandLine().getErr().println("jepyc: no worker of profile " + profile
                    + " answers; stopping the workers this machine started, if any are left");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
        int killed = 0;
        int alive = 0;
        for (long pid : pids) {
            Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ClusterStopCommand::isWorker);
            if (h.isEmpty()) {
                continue;
            }
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                h.get().onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                h.get().destroy();
                killed++;
                try {
                    h.get().onExit().get(10, TimeUnit.SECONDS);
                } catch (TimeoutException stillThere) {
                    alive++;
                }
            }
        }
        // after the head stopped, so that it submits no replacement
        List<String> cancelled = SlurmStop.cancel(profile);
        if (alive > 0) {
            throw new UserException(alive + " workers of profile " + profile + " did not stop; its connection file " + file
                    + " was kept. Run `jepyc cluster stop" + profileOption() + "` again");
        }
        Files.deleteIfExists(pidFile);
        Files.deleteIfExists(file);
        out.printf("Stopped the cluster of profile %s (%d members%s); removed its connection file%n", profile, members,
                killed > 0 ? ", " + killed + " terminated after the timeout" : "");
        if (!cancelled.isEmpty()) {
            out.printf("Cancelled SLURM jobs %s%n", String.join(", ", cancelled));
        }
        return 0;
    }

    private String profileOption() {
        return JepycHome.DEFAULT_PROFILE.equals(profile) ? "" : " --profile " + profile;
    }

    private static boolean isWorker(ProcessHandle h) {
        return h.isAlive() && h.info().commandLine().map(c -> c.contains("org.jepyc.cluster.worker.WorkerMain") || c.contains("org.jepyc.cluster.slurm.HeadMain")).orElse(false);
    }
}
