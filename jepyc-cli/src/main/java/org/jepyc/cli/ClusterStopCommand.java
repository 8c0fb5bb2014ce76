package org.jepyc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.jepyc.cluster.ClusterUnavailableException;
import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.admin.JepycHome;
import org.jepyc.cluster.client.JobClient;
import org.jepyc.cluster.protocol.Signer;
import org.jepyc.cluster.worker.ShutdownMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jepyc cluster stop}: every worker of the profile's cluster shuts down. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop the cluster's workers (a signed shutdown message; workers this machine started "
                + "that do not stop in time are killed).")
final class ClusterStopCommand implements Callable<Integer> {

    @Option(names = "--profile", defaultValue = JepycHome.DEFAULT_PROFILE, description = "Profile name (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--timeout", defaultValue = "30", description = "Seconds to wait for workers to stop (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--force", description = "Stop even if the cluster still holds queued, running or uncollected work.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        Path file = JepycHome.connectionFile(profile);
        ConnectionFile cf = ConnectionFile.read(file);
        Set<Long> pids = new LinkedHashSet<>();
        Path pidFile = JepycHome.profileDir(profile).resolve("workers.pids");
        if (Files.exists(pidFile)) {
            for (String l : Files.readAllLines(pidFile)) {
                if (!l.isBlank()) {
                    pids.add(Long.parseLong(l.trim()));
                }
            }
        }
        int members = 0;
        try (JobClient c = JobClient.connect(cf, Duration.ofSeconds(3), 0)) {
            pids.addAll(c.memberPids());
            var s = c.status();
            members = s.members().size();
            if (!force && s.queuedBatches() + s.runningBatches() + s.finishedBatches() > 0) {
                throw new IllegalStateException("The cluster still holds " + s.queuedPoints() + " queued and "
                        + s.runningPoints() + " running points and " + s.finishedBatches() + " finished tasks not yet "
                        + "collected; stopping it loses them. Collect them first (ClusterLab.waitFor), or use --force");
            }
            c.publishControl(ShutdownMessage.create(new Signer(cf.secret())));
        } catch (ClusterUnavailableException e) {
            System.err.println("jepyc: the cluster does not answer; stopping the workers this machine started");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
        int killed = 0;
        for (long pid : pids) {
            Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ClusterStopCommand::isWorker);
            if (h.isEmpty()) {
                continue;
            }
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                h.get().onExit().get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                h.get().destroy();
                killed++;
            }
        }
        List<String> cancelled = SlurmStop.cancel(profile);
        Files.deleteIfExists(pidFile);
        System.out.printf("Stopped the cluster of profile %s (%d members%s)%n", profile, members,
                killed > 0 ? ", " + killed + " terminated after the timeout" : "");
        if (!cancelled.isEmpty()) {
            System.out.printf("Cancelled SLURM jobs %s%n", String.join(", ", cancelled));
        }
        return 0;
    }

    private static boolean isWorker(ProcessHandle h) {
        return h.isAlive() && h.info().commandLine().map(c -> c.contains("org.jepyc.cluster.worker.WorkerMain") || c.contains("org.jepyc.cluster.slurm.HeadMain")).orElse(false);
    }
}
