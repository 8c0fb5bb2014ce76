package org.jepyc.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jepyc.cluster.launch.ClusterLauncher;
import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.admin.JepycHome;
import org.jepyc.cluster.slurm.BatchScript;
import org.jepyc.cluster.slurm.Slurm;
import org.jepyc.cluster.slurm.SlurmCluster;
import org.jepyc.cluster.slurm.WorkerJobSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --slurm} options of {@code jepyc cluster start}: a head process on this host holds
 * the cluster's state and the N workers are submitted to SLURM as a job array.
 */
final class SlurmStartOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--slurm", description = "Start a head process here and submit the workers to SLURM as a job array.")
    boolean slurm;

    @Option(names = "--time", description = "SLURM: each worker job's time limit (sbatch --time, e.g. 2:00:00).")
    String time;

    @Option(names = "--partition", description = "SLURM: partition.")
    String partition;

    @Option(names = "--account", description = "SLURM: account to charge.")
    String account;

    @Option(names = "--mem", description = "SLURM: memory per worker job (sbatch --mem, e.g. 2G).")
    String mem;

    @Option(names = "--cpus-per-task", defaultValue = "0", description = "SLURM: CPUs per worker job (default: --threads).")
    int cpusPerTask;

    @Option(names = "--sbatch", description = "SLURM: a further sbatch option, one argument (repeatable), e.g. --sbatch=--qos=low.")
    List<String> sbatch = new ArrayList<>();

    @Option(names = "--dry-run", description = "SLURM: print the batch script and submit nothing.")
    boolean dryRun;

    @Option(names = "--resubmit", description = "SLURM: keep N workers pending or running, submitting replacements "
            + "for ended jobs, while the cluster holds work.")
    boolean resubmit;

    @Option(names = "--signal-seconds", defaultValue = "60", description = "SLURM: seconds before a job's end at which "
            + "its worker hands back its batches and leaves (sbatch --signal=B:USR1@S; default: ${DEFAULT-VALUE}).")
    int signalSeconds;

    @Option(names = "--java-home", description = "SLURM: the JDK on the compute nodes (default: $JAVA_HOME, else this java).")
    String javaHome;

    @Option(names = "--jvm-option", description = "SLURM: a worker JVM option (repeatable; default: -Xmx1g and Hazelcast's).")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--prologue", description = "SLURM: a shell line the job runs before the worker (repeatable), "
            + "e.g. --prologue='module load java/17'.")
    List<String> prologue = new ArrayList<>();

    @Option(names = "--worker-host", description = "SLURM: the interface workers bind (default: 127.0.0.1 when --host "
            + "is, else each node's first address).")
    String workerHost;

    @Option(names = "--copy-jars", description = "SLURM: copy the --classpath jars next to the connection file "
            + "(for experiment jars outside the shared file system).")
    boolean copyJars;

    /**
     * Starts the head and submits the workers, or prints the script.
     *
     * @param workers   N
     * @param profile   the profile
     * @param classpath the experiment classpath (absolute, path-separated), or null
     * @param allow     further allowed packages
     * @param threads   threads per worker
     * @param host      the head's interface
     * @param wait      seconds to wait for the head
     * @return 0
     * @throws IOException if files cannot be written
     */
    int start(int workers, String profile, String classpath, List<String> allow, int threads, String host, int wait)
            throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = JepycHome.profileDir(profile);
        Path file = JepycHome.connectionFile(profile);
        SlurmCluster cluster = new SlurmCluster(dir, new Slurm());
        List<String> workerArgs = new ArrayList<>(List.of("--threads", Integer.toString(threads)));
        if (classpath != null) {
            workerArgs.addAll(List.of("--classpath", copyJars && !dryRun ? copy(classpath, dir.resolve("jars")) : classpath));
        }
        allow.forEach(a -> workerArgs.addAll(List.of("--allow", a)));
        List<String> jvm = new ArrayList<>(jvmOptions.isEmpty() ? List.of("-Xmx1g") : jvmOptions);
        jvm.addAll(ClusterLauncher.DEFAULT_JVM_OPTIONS.stream().filter(o -> !o.startsWith("-Xmx")).toList());
        jvm.add("-Dlogback.configurationFile=logback-worker.xml");
        String home = javaHome != null ? javaHome : System.getenv("JAVA_HOME");
        String java = home != null && !home.isBlank() ? Path.of(home, "bin", "java").toString()
                : Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String wh = workerHost != null ? workerHost : host.equals("127.0.0.1") ? "127.0.0.1" : null;
        WorkerJobSpec job = new WorkerJobSpec("jepyc-" + profile, dir.resolve("logs"), file, java, jvm,
                System.getProperty("java.class.path"), List.of(Main.class.getName(), "worker"), workerArgs, wh,
                time, partition, account, mem, cpusPerTask > 0 ? cpusPerTask : threads, sbatch, signalSeconds, prologue);
        if (dryRun) {
            out.print(BatchScript.render(job));
            out.flush();
            return 0;
        }
        if (cluster.exists()) {
            // jobs of a cluster whose head is gone would wait for, or join, nothing: cancel them
            List<String> old = cluster.cancelAll();
            if (!old.isEmpty()) {
                out.printf("Cancelled SLURM jobs %s of the previous cluster of profile %s%n", String.join(", ", old), profile);
            }
            cluster.forget();
        }
        ConnectionFile cf = ClusterLauncher.newConnection(file, 1, host);
        cluster.writeScript(job);
        List<String> headJvm = new ArrayList<>(List.of("-Xmx512m"));
        headJvm.addAll(ClusterLauncher.DEFAULT_JVM_OPTIONS.stream().filter(o -> !o.startsWith("-Xmx")).toList());
        headJvm.add("-Dlogback.configurationFile=logback-worker.xml");
        Process head = cluster.startHead(cf, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"), headJvm, resubmit ? workers : 0, Duration.ofSeconds(wait));
        Files.writeString(dir.resolve("workers.pids"), head.pid() + "\n");
        List<String> ids;
        try {
            ids = cluster.submit(workers);
        } catch (RuntimeException e) {
            head.destroy();
            throw e;
        }
        out.printf("Started the head of profile %s on %s (pid %d)%nSubmitted %d workers to SLURM: job%s %s%s%n"
                        + "Connection file: %s%nBatch script: %s%nLogs: %s%n",
                profile, cf.addresses().get(0), head.pid(), workers, ids.size() > 1 ? "s" : "", String.join(", ", ids),
                resubmit ? " (replacements submitted while work is left)" : "", file, cluster.script(), dir.resolve("logs"));
        out.flush();
        return 0;
    }

    private static String copy(String classpath, Path to) throws IOException {
        Files.createDirectories(to);
        StringBuilder sb = new StringBuilder();
        for (String p : classpath.split(File.pathSeparator)) {
            Path src = Path.of(p);
            Path dst = to.resolve(src.getFileName());
            if (Files.isDirectory(src)) {
                throw new IllegalArgumentException("--copy-jars copies jars, not directories: " + src
                        + " (package the classes as a jar)");
            }
            Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
            sb.append(sb.length() == 0 ? "" : File.pathSeparator).append(dst);
        }
        return sb.toString();
    }
}
