package org.jepyc.cluster.worker;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jepyc.cluster.admin.ConnectionFile;

/**
 * The worker process's entry point:
 * {@code java -cp ... org.jepyc.cluster.worker.WorkerMain --connect FILE [--host H] [--port P]
 * [--threads N] [--classpath JARS] [--allow PKG]... [--lite] [--end-time EPOCH_SECONDS]
 * [--end-margin SECONDS]}. Runs until shut down; exits 0 then, 1 on a start-up failure, 2 on a
 * usage error. A lite worker (a batch job's) hands its running batches back when the process is
 * told to end (SIGTERM: the batch system's cancel, time limit or pre-emption).
 */
public final class WorkerMain {
    private WorkerMain() { }

    /** @param args the command line */
    public static void main(String[] args) {
        WorkerOptions o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("jepyc worker: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(o);
            System.exit(0);
        } catch (Exception e) {
            System.err.println("jepyc worker: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /**
     * Starts a worker and blocks until it stops.
     *
     * @param o how
     * @throws Exception if it cannot start
     */
    public static void run(WorkerOptions o) throws Exception {
        Worker w = new Worker(o).start();
        Runtime.getRuntime().addShutdownHook(new Thread(o.lite() ? w::handBack : w::close, "jepyc-worker-exit"));
        w.awaitStop();
    }

    /**
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException on a usage error
     */
    public static WorkerOptions parse(String[] args) {
        Path connect = null;
        String host = "127.0.0.1";
        int port = 0;
        int threads = 1;
        List<Path> cp = new ArrayList<>();
        List<String> allow = new ArrayList<>();
        boolean lite = false;
        java.time.Instant end = null;
        java.time.Duration margin = java.time.Duration.ZERO;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--lite")) {
                lite = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--connect" -> connect = Path.of(v);
                case "--host" -> host = v;
                case "--port" -> port = Integer.parseInt(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--classpath" -> {
                    for (String p : v.split(File.pathSeparator)) {
                        if (!p.isBlank()) {
                            cp.add(Path.of(p));
                        }
                    }
                }
                case "--allow" -> allow.add(v);
                case "--end-time" -> end = v.isBlank() ? null : java.time.Instant.ofEpochSecond(Long.parseLong(v));
                case "--end-margin" -> margin = java.time.Duration.ofSeconds(Long.parseLong(v));
                default -> throw new IllegalArgumentException("Unknown option " + a);
            }
        }
        if (connect == null) {
            throw new IllegalArgumentException("--connect FILE is required");
        }
        ConnectionFile cf = ConnectionFile.read(connect);
        if (port == 0) {
            port = freePort(host);
        }
        return new WorkerOptions(cf, host, port, threads, cp, allow, lite, end, margin);
    }

    /**
     * @param host an interface
     * @return a port free on it now
     */
    public static int freePort(String host) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Cannot find a free port on " + host + ": " + e.getMessage(), e);
        }
    }
}
