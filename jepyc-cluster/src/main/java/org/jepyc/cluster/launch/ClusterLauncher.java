package org.jepyc.cluster.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jepyc.cluster.admin.ClusterUnavailableException;
import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.admin.OwnerOnly;
import org.jepyc.cluster.client.JobClient;
import org.jepyc.cluster.worker.WorkerMain;

/**
 * Starts worker JVMs in the background: each a {@link WorkerMain} process with a small heap,
 * its output in a log file, detached from the terminal (its own session where {@code setsid}
 * exists) so that it outlives the command that started it.
 */
public final class ClusterLauncher {
    /** JVM options every worker gets. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-Dhazelcast.logging.type=slf4j", "-Dorg.slf4j.simpleLogger.log.com.hazelcast=warn",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            // Hazelcast's recommended access to JDK internals (faster, and no warning in the logs)
            "--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");
    private final String java;
    private final String classpath;
    private final List<String> jvmOptions;

    /**
     * @param java       the java executable
     * @param classpath  jepyc's classpath (with Hazelcast and an SLF4J binding)
     * @param jvmOptions JVM options for each worker
     */
    public ClusterLauncher(String java, String classpath, List<String> jvmOptions) {
        this.java = java;
        this.classpath = classpath;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** @return a launcher using this JVM's java and classpath */
    public static ClusterLauncher ofCurrentJvm() {
        return new ClusterLauncher(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"), DEFAULT_JVM_OPTIONS);
    }

    /**
     * Writes a fresh connection file for n members on free ports of the host.
     *
     * @param file where
     * @param n    members
     * @param host their interface
     * @return the connection
     * @throws IOException if it cannot be written
     */
    public static ConnectionFile newConnection(Path file, int n, String host) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int p;
            do {
                p = WorkerMain.freePort(host);
            } while (addresses.contains(host + ":" + p));
            addresses.add(host + ":" + p);
        }
        return ConnectionFile.fresh(addresses).write(file);
    }

    /**
     * Starts one worker per address of the connection file.
     *
     * @param cf         the cluster (stored in a file)
     * @param logDir     where each worker's log goes
     * @param workerArgs more worker arguments ({@code --classpath}, {@code --allow}, {@code --threads})
     * @return the processes
     * @throws IOException if one cannot be started
     */
    public List<Process> startAll(ConnectionFile cf, Path logDir, List<String> workerArgs) throws IOException {
        List<Process> out = new ArrayList<>();
        for (String a : cf.addresses()) {
            int colon = a.lastIndexOf(':');
            out.add(start(cf.path(), a.substring(0, colon), Integer.parseInt(a.substring(colon + 1)), logDir, workerArgs));
        }
        return out;
    }

    /**
     * Starts one worker.
     *
     * @param connection its connection file
     * @param host       interface to bind
     * @param port       member port
     * @param logDir     where its log goes ({@code worker-<port>.log})
     * @param workerArgs more worker arguments
     * @return the process
     * @throws IOException if it cannot be started
     */
    public Process start(Path connection, String host, int port, Path logDir, List<String> workerArgs) throws IOException {
        OwnerOnly.createDirectories(logDir);
        File log = OwnerOnly.createFile(logDir.resolve("worker-" + port + ".log")).toFile();
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid");
        }
        cmd.add(java);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(WorkerMain.class.getName());
        cmd.addAll(List.of("--connect", connection.toString(), "--host", host, "--port", Integer.toString(port)));
        cmd.addAll(workerArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return pb.start();
    }

    /**
     * Waits until the cluster has at least n members.
     *
     * @param cf      the cluster
     * @param n       members expected
     * @param timeout how long to wait
     * @throws ClusterUnavailableException if they are not all there in time
     */
    public static void awaitMembers(ConnectionFile cf, int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int have = 0;
        ClusterUnavailableException last = null;
        try {
            while (System.nanoTime() < deadline) {
                // workers open their ports a few seconds after they start: until then nothing answers
                try (JobClient c = JobClient.connect(cf, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())), 0)) {
                    while (System.nanoTime() < deadline) {
                        have = c.members().size();
                        if (have >= n) {
                            return;
                        }
                        Thread.sleep(100);
                    }
                } catch (ClusterUnavailableException e) {
                    last = e;
                    Thread.sleep(200);
                }
            }
            throw new ClusterUnavailableException("Only " + have + " of " + n + " workers joined the "
                    + cf.describe() + " within " + timeout.toSeconds() + " s: see the worker logs", last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException("Interrupted waiting for workers", e);
        }
    }
}
