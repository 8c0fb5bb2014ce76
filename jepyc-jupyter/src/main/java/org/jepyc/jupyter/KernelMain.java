package org.jepyc.jupyter;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * Starts the rapaio kernel behind a gate on its shell socket, the entry point of the kernel spec.
 *
 * <p>Why: the rapaio kernel (3.0.x) has two start-up races that a busy machine loses. It binds its
 * sockets and starts reading them before it has registered its message handlers, and Jupyter
 * queues its first {@code kernel_info_request} before the kernel is up, so that request can arrive
 * in the gap and kill the shell thread with a NullPointerException. And each channel's loop thread
 * tests its "running" flag before the thread that started it has set it, so a loop can end before
 * it ever ran. Either way the kernel never answers. So the kernel gets a private shell port; once
 * its handlers are registered and its loop threads have been seen running, the port Jupyter knows
 * is opened and a ZeroMQ proxy passes messages both ways. When a loop did not start, the kernel's
 * channels are closed and opened again (the kernel itself, with its jshell, is kept). The cost: a
 * cell cannot read standard input, whose requests the kernel routes through the shell's peers.
 */
public final class KernelMain {
    private static final Logger LOG = LoggerFactory.getLogger(KernelMain.class);
    private static final Duration STARTUP = Duration.ofMinutes(5);
    private static final int ATTEMPTS = 5;
    /** A loop thread that lost the race ends at once; one that is running never ends by itself. */
    private static final long LOOP_CHECK_MILLIS = 200;

    private KernelMain() { }

    /**
     * @param args the connection file Jupyter wrote
     * @throws Exception if the kernel cannot start
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: KernelMain CONNECTION_FILE (Jupyter passes it: see kernel.json)");
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode conn = (ObjectNode) json.readTree(Path.of(args[0]).toFile());
        String ip = conn.path("ip").asText("127.0.0.1");
        String transport = conn.path("transport").asText("tcp");
        if (!transport.equals("tcp")) {
            throw new IllegalArgumentException("The jepyc kernel speaks tcp only, not " + transport + " (" + args[0] + ")");
        }
        int outerShell = conn.path("shell_port").asInt();
        Thread kernel = null;
        int innerShell = 0;
        for (int attempt = 1; kernel == null; attempt++) {
            innerShell = freePort(ip);
            conn.put("shell_port", innerShell);
            Set<Thread> old = Set.copyOf(Thread.getAllStackTraces().keySet());
            Thread started = start(json, conn);
            if (loopsRunning(old)) {
                kernel = started;
            } else if (attempt == ATTEMPTS) {
                throw new IllegalStateException("The kernel's channels did not start in " + ATTEMPTS + " attempts");
            } else {
                LOG.warn("A channel of the kernel did not start (attempt {}): opening them again", attempt);
                MainApp.kernel.channels().close();
                started.join(STARTUP.toMillis());
            }
        }

        try (ZContext ctx = new ZContext()) {
            ZMQ.Socket front = ctx.createSocket(SocketType.ROUTER);
            front.bind(transport + "://" + ip + ":" + outerShell);
            ZMQ.Socket back = ctx.createSocket(SocketType.DEALER);
            back.connect(transport + "://" + ip + ":" + innerShell);
            Thread proxy = new Thread(() -> ZMQ.proxy(front, back, null), "jepyc-kernel-gate");
            proxy.setDaemon(true);
            proxy.start();
            kernel.join();
        }
        // the kernel's own threads (jshell's executor) would keep the JVM alive after a shutdown request
        System.exit(0);
    }

    /** Starts the kernel's channels on the given connection and waits until they have their handlers. */
    private static Thread start(ObjectMapper json, ObjectNode conn) throws IOException, InterruptedException {
        // the copy holds the connection's key: readable by this user only, gone once read
        Path inner = Files.createTempFile("jepyc-kernel-", ".json",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            json.writeValue(inner.toFile(), conn);
            Channels before = MainApp.kernel.channels();
            Thread kernel = new Thread(() -> {
                try {
                    MainApp.main(new String[] {inner.toString()});
                } catch (Exception e) {
                    throw new IllegalStateException("The kernel stopped: " + e.getMessage(), e);
                }
            }, "rapaio-kernel");
            kernel.start();
            awaitHandlers(kernel, before);
            return kernel;
        } finally {
            Files.deleteIfExists(inner);
        }
    }

    /** Waits until the kernel has registered new channels and they have their handlers. */
    private static void awaitHandlers(Thread kernel, Channels before) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!kernel.isAlive()) {
                throw new IllegalStateException("The kernel stopped while starting: see the messages above");
            }
            Channels channels = MainApp.kernel.channels();
            if (channels != null && channels != before) {
                try {
                    if (channels.getHandler(MessageType.SHELL_KERNEL_INFO_REQUEST) != null) {
                        return;
                    }
                } catch (NullPointerException notYet) {
                    // the handlers map is created just after the channels are registered
                }
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("The kernel did not start within " + STARTUP.toMinutes() + " minutes");
    }

    /**
     * @param old the threads there before this start
     * @return whether the kernel's three new loop threads (shell, control: both named "Shell-n";
     *         heartbeat) are running
     */
    private static boolean loopsRunning(Set<Thread> old) throws InterruptedException {
        List<Thread> loops = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!old.contains(t) && (t.getName().startsWith("Shell-") || t.getName().startsWith("Heartbeat-"))) {
                loops.add(t);
            }
        }
        for (Thread t : loops) {
            t.join(LOOP_CHECK_MILLIS);
        }
        return loops.stream().filter(Thread::isAlive).count() >= 3;
    }

    private static int freePort(String ip) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(ip))) {
            return s.getLocalPort();
        }
    }
}
