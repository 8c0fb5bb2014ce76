package org.jepyc.cli;

import java.io.File;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.jepyc.cluster.admin.ClusterUnavailableException;
import org.jepyc.cluster.launch.ClusterLauncher;
import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.admin.JepycHome;
import org.jepyc.cluster.admin.OwnerOnly;
import org.jepyc.cluster.client.JobClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jepyc cluster start -n N}: N worker JVMs in the background and a fresh connection file.
 * Every argument is checked before anything changes; the new connection file is written under
 * another name and renamed into place only once every worker has joined, so a failed start
 * leaves the profile's files and any cluster as they were.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start N worker processes in the background on this machine and write the profile's "
                + "connection file (member addresses and a fresh secret, readable by you only).")
final class ClusterStartCommand implements Callable<Integer> {
    /** The name of the file holding the pids of the workers a profile's start launched. */
    static final String PIDS = "workers.pids";

    @Spec
    CommandSpec spec;

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
        List<String> args = checkedWorkerArguments();
        Path dir = profileDir();
        Path file = JepycHome.connectionFile(profile);
        if (!slurm.dryRun && Files.exists(file)) {
            ConnectionFile old;
            try {
                old = ConnectionFile.read(file);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage() + ": remove it, or use another --profile");
            }
            if (running(old)) {
                throw new UserException("A cluster is already running for profile " + profile + " (" + file
                        + "): stop it first with `jepyc cluster stop" + profileOption() + "`");
            }
        }
        if (slurm.slurm || slurm.dryRun) {
            int cp = args.indexOf("--classpath");
            return slurm.start(workers, profile, cp < 0 ? null : args.get(cp + 1), allow, threads, host, waitSeconds);
        }
        Path starting = dir.resolve("jepyc-cluster.starting.json");
        ConnectionFile cf = ClusterLauncher.newConnection(starting, workers, host);
        List<String> jvm = new ArrayList<>(ClusterLauncher.DEFAULT_JVM_OPTIONS);
        jvm.add("-Dlogback.configurationFile=logback-worker.xml");
        ClusterLauncher launcher = new ClusterLauncher(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"), jvm);
        Path logs = dir.resolve("logs");
        List<Process> ps = new ArrayList<>();
        try {
            ps.addAll(launcher.startAll(cf, logs, args));
            ClusterLauncher.awaitMembers(cf, workers, Duration.ofSeconds(waitSeconds));
        } catch (java.io.IOException | RuntimeException e) {
            stopAll(ps);
            Files.deleteIfExists(starting);
            throw new UserException("The cluster did not start: " + e.getMessage() + " (logs in " + logs
                    + "); the profile's files were left as they were");
        }
        StringBuilder pids = new StringBuilder();
        ps.forEach(p -> pids.append(p.pid()).append('\n'));
        OwnerOnly.write(dir.resolve(PIDS), pids.toString());
        try {
            Files.move(starting, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(starting, file, StandardCopyOption.REPLACE_EXISTING);
        }
        spec.commandLine().getOut().printf("Started %d workers for profile %s on %s%nConnection file: %s%nLogs: %s%n",
                workers, profile, cf.addresses(), file, logs);
        return 0;
    }

    /** Checks every argument before anything is written or started; returns the workers' arguments. */
    private List<String> checkedWorkerArguments() {
        if (workers < 1) {
            throw UsageErrorHandler.usage(spec, "-n must be at least 1, not " + workers);
        }
        if (threads < 1) {
            throw UsageErrorHandler.usage(spec, "--threads must be at least 1, not " + threads);
        }
        if (waitSeconds < 1) {
            throw UsageErrorHandler.usage(spec, "--wait must be at least 1 second, not " + waitSeconds);
        }
        profileDir();
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UserException("Unknown --host " + host + ": give an interface of this machine, such as 127.0.0.1");
        }
        List<String> args = new ArrayList<>(List.of("--threads", Integer.toString(threads)));
        if (classpath != null && !classpath.isBlank()) {
            StringBuilder abs = new StringBuilder();
            for (String p : classpath.split(File.pathSeparator)) {
                if (!p.isBlank()) {
                    Path path = Path.of(p).toAbsolutePath();
                    if (!Files.isReadable(path)) {
                        throw new UserException("No such jar or directory for --classpath: " + p);
                    }
                    abs.append(abs.length() == 0 ? "" : File.pathSeparator).append(path);
                }
            }
            args.addAll(List.of("--classpath", abs.toString()));
        }
        for (String a : allow) {
            if (a.isBlank()) {
                throw UsageErrorHandler.usage(spec, "--allow needs a package name, such as com.example.sim");
            }
            args.addAll(List.of("--allow", a));
        }
        return args;
    }

    private Path profileDir() {
        try {
            return JepycHome.profileDir(profile);
        } catch (IllegalArgumentException e) {
            throw UsageErrorHandler.usage(spec, e.getMessage());
        }
    }

    private String profileOption() {
        return JepycHome.DEFAULT_PROFILE.equals(profile) ? "" : " --profile " + profile;
    }

    private static void stopAll(List<Process> ps) {
        ps.forEach(Process::destroy);
        for (Process p : ps) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    static boolean running(ConnectionFile cf) {
        try (JobClient c = JobClient.connect(cf, Duration.ofSeconds(2), 0)) {
            return true;
        } catch (ClusterUnavailableException e) {
            return false;
        }
    }
}
