package org.jepyc.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jepyc.cluster.launch.ClusterLauncher;
import org.jepyc.cluster.admin.ConnectionFile;

/**
 * Real worker JVMs on 127.0.0.1 for tests, started with this JVM's java and classpath, and always
 * killed: by {@link #close()}, and by a shutdown hook if a test run dies.
 */
final class LocalCluster implements AutoCloseable {
    private static final List<Process> ALL = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ALL.forEach(Process::destroyForcibly)));
    }

    final Path dir;
    final ConnectionFile connection;
    final List<Process> workers = new ArrayList<>();
    private final ClusterLauncher launcher = new ClusterLauncher(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            System.getProperty("java.class.path"),
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                    "-Dorg.slf4j.simpleLogger.log.com.hazelcast=warn", "-Dorg.slf4j.simpleLogger.showDateTime=true"));

    private LocalCluster(Path dir, ConnectionFile connection) {
        this.dir = dir;
        this.connection = connection;
    }

    /** Starts n workers and waits until they form one cluster. */
    static LocalCluster start(Path dir, int n) throws IOException {
        ConnectionFile cf = ClusterLauncher.newConnection(dir.resolve("jepyc-cluster.json"), n, "127.0.0.1");
        LocalCluster c = new LocalCluster(dir, cf);
        c.startWorkers();
        return c;
    }

    /** Starts (again) one worker per address of the connection file. */
    void startWorkers() throws IOException {
        List<Process> ps = launcher.startAll(connection, dir.resolve("logs"), List.of());
        workers.addAll(ps);
        ALL.addAll(ps);
        ClusterLauncher.awaitMembers(connection, connection.addresses().size(), Duration.ofSeconds(60));
    }

    Path file() {
        return connection.path();
    }

    /** Kills every worker now (SIGKILL). */
    void killAll() throws InterruptedException {
        for (Process p : workers) {
            p.destroyForcibly();
        }
        for (Process p : workers) {
            p.waitFor(20, TimeUnit.SECONDS);
        }
        workers.clear();
    }

    String logs() throws IOException {
        StringBuilder sb = new StringBuilder();
        Path logs = dir.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (var s = Files.list(logs)) {
                for (Path p : s.toList()) {
                    sb.append(Files.readString(p));
                }
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws InterruptedException {
        killAll();
    }
}
