package org.jepyc.jupyter;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Starts the rapaio kernel behind a gate on its shell socket, the entry point of the kernel spec.
 *
 * <p>Why: the rapaio kernel (3.0.x) binds its sockets and starts reading them before it has
 * registered its message handlers; Jupyter queues its first {@code kernel_info_request} before the
 * kernel is up, so on a busy machine that request arrives in the gap, the shell thread dies of a
 * NullPointerException and the kernel never answers. So the kernel gets a private shell port, and
 * the port Jupyter knows is opened only once the kernel's handlers are there; from then on a
 * ZeroMQ proxy passes messages both ways. (The cost: a cell cannot read standard input, whose
 * requests the kernel addresses through the shell's routing.)
 */
public final class KernelMain {
    private static final Duration STARTUP = Duration.ofMinutes(5);

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
        int innerShell = freePort(ip);
        conn.put("shell_port", innerShell);
        // the copy holds the connection's key: readable by this user only, gone once read
        Path inner = Files.createTempFile("jepyc-kernel-", ".json",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        json.writeValue(inner.toFile(), conn);

        Thread kernel = new Thread(() -> {
            try {
                MainApp.main(new String[] {inner.toString()});
            } catch (Exception e) {
                throw new IllegalStateException("The kernel stopped: " + e.getMessage(), e);
            }
        }, "rapaio-kernel");
        kernel.start();
        awaitHandlers(kernel);
        Files.deleteIfExists(inner);

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

    /** Waits until the kernel's channels are connected and have their handlers. */
    private static void awaitHandlers(Thread kernel) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!kernel.isAlive()) {
                throw new IllegalStateException("The kernel stopped while starting: see the messages above");
            }
            Channels channels = MainApp.kernel.channels();
            if (channels != null) {
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

    private static int freePort(String ip) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(ip))) {
            return s.getLocalPort();
        }
    }
}
