package org.jepyc.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.jepyc.cluster.ClusterUnavailableException;
import org.jepyc.cluster.admin.ClusterLauncher;
import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.admin.JepycHome;
import org.jepyc.cluster.client.JobClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jepyc cluster start -n N}: N worker JVMs in the background and a fresh connection file. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start N worker processes in the background on this machine and write the profile's "
                + "connection file (member addresses and a fresh secret, readable by you only).")
final class ClusterStartCommand implements Callable<Integer> {

    @Option(names = {"-n", "--workers"}, required = true, description = "Number of worker processes.")
    int workers;

    @Option(names = "--profile", description = "Profile name (default: ${DEFAULT-VALUE}).", defaultValue = JepycHome.DEFAULT_PROFILE)
    String profile;

    @Option(names = "--classpath", description = "Jars or directories holding the experiment classes (path-separated).")
    String classpath;

    @Option(names = "--allow", description = "A further package whose classes tasks may contain (repeatable).")
    List<String> allow = new ArrayList<>();

    @Option(names = "--threads", defaultValue = "1", description = "Experiments each worker runs at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface the workers bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--wait", defaultValue = "60", description = "Seconds to wait for the workers to join (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Mixin
    SlurmStartOptions slurm;

    @Override
    public Integer call() throws Exception {
        if (workers < 1) {
            throw new IllegalArgumentException("-n must be at least 1");
        }
        Path file = JepycHome.connectionFile(profile);
        if (!slurm.dryRun && Files.exists(file) && running(ConnectionFile.read(file))) {
            throw new IllegalArgumentException("A cluster is already running for profile " + profile
                    + " (" + file + "): stop it first with `jepyc cluster stop --profile " + profile + "`");
        }
        List<String> args = new ArrayList<>(List.of("--threads", Integer.toString(threads)));
        String absolute = null;
        if (classpath != null && !classpath.isBlank()) {
            StringBuilder abs = new StringBuilder();
            for (String p : classpath.split(File.pathSeparator)) {
                if (!p.isBlank()) {
                    Path path = Path.of(p).toAbsolutePath();
                    if (!Files.exists(path)) {
                        throw new IllegalArgumentException("No such jar or directory: " + p);
                    }
                    abs.append(abs.length() == 0 ? "" : File.pathSeparator).append(path);
                }
            }
            absolute = abs.toString();
            args.addAll(List.of("--classpath", absolute));
        }
        if (slurm.slurm || slurm.dryRun) {
            return slurm.start(workers, profile, absolute, allow, threads, host, waitSeconds);
        }
        ConnectionFile cf = ClusterLauncher.newConnection(file, workers, host);
        allow.forEach(a -> args.addAll(List.of("--allow", a)));
        List<String> jvm = new ArrayList<>(ClusterLauncher.DEFAULT_JVM_OPTIONS);
        jvm.add("-Dlogback.configurationFile=logback-worker.xml");
        ClusterLauncher launcher = new ClusterLauncher(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"), jvm);
        Path logs = JepycHome.profileDir(profile).resolve("logs");
        List<Process> ps = launcher.startAll(cf, logs, args);
        StringBuilder pids = new StringBuilder();
        ps.forEach(p -> pids.append(p.pid()).append('\n'));
        Files.writeString(JepycHome.profileDir(profile).resolve("workers.pids"), pids);
        try {
            ClusterLauncher.awaitMembers(cf, workers, Duration.ofSeconds(waitSeconds));
        } catch (ClusterUnavailableException e) {
            ps.forEach(Process::destroy);
            throw new IllegalStateException(e.getMessage() + " (logs in " + logs + ")", e);
        }
        System.out.printf("Started %d workers for profile %s on %s%nConnection file: %s%nLogs: %s%n",
                workers, profile, cf.addresses(), file, logs);
        return 0;
    }

    static boolean running(ConnectionFile cf) {
        try (JobClient c = JobClient.connect(cf, Duration.ofSeconds(2), 0)) {
            return true;
        } catch (ClusterUnavailableException e) {
            return false;
        }
    }
}
