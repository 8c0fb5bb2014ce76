package org.jepyc.dashboard;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local web page of notebooks and a running cluster: every result set, a campaign's progress
 * as results are committed, a sortable and filterable table paged on the server, the failed rows
 * with their tracebacks, and plots of results against parameters. Notebooks are read read-only
 * when their files change; the page asks for what it shows and gets it from memory.
 *
 * <pre>{@code
 * try (Dashboard d = Dashboard.builder().notebook(Path.of("sweep.h5")).start()) {
 *     System.out.println(d.uri());       // http://127.0.0.1:PORT/?token=...
 *     ...
 * }
 * }</pre>
 *
 * Served by the JDK's HTTP server, on 127.0.0.1 unless told otherwise; every request must carry
 * the random token of {@link #uri()}.
 */
public final class Dashboard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

    private final HttpServer server;
    private final ExecutorService requests;
    private final ScheduledExecutorService pollers;
    private final List<NotebookWatch> notebooks;
    private final ClusterWatch cluster;
    private final String token;

    private Dashboard(Builder b) throws IOException {
        this.token = b.token != null ? b.token : newToken();
        this.notebooks = new ArrayList<>();
        for (Path p : b.notebooks) {
            notebooks.add(new NotebookWatch(p));
        }
        this.cluster = b.connectionFile == null ? null : new ClusterWatch(b.connectionFile);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(b.host), b.port), 0);
        this.requests = Executors.newFixedThreadPool(4, daemons("jepyc-dashboard-http"));
        this.pollers = Executors.newScheduledThreadPool(2, daemons("jepyc-dashboard-poll"));
        TokenCheck check = new TokenCheck(token, "jepyc-dashboard-" + server.getAddress().getPort());
        HttpContext api = server.createContext("/api/", new Api(notebooks, cluster == null ? () -> null : cluster::view));
        api.getFilters().add(check);
        server.createContext("/", new PageFiles()).getFilters().add(check);
        server.setExecutor(requests);
        server.start();
        long every = b.pollInterval.toMillis();
        // notebooks and the cluster on threads of their own: a slow reading of one never delays the other
        pollers.scheduleWithFixedDelay(this::pollNotebooks, 0, every, TimeUnit.MILLISECONDS);
        if (cluster != null) {
            pollers.scheduleWithFixedDelay(cluster::poll, 0, Math.max(every, 2000), TimeUnit.MILLISECONDS);
        }
        LOG.info("Dashboard of {} notebook(s) at {}", notebooks.size(), server.getAddress());
    }

    /** @return a builder of a dashboard */
    public static Builder builder() {
        return new Builder();
    }

    private void pollNotebooks() {
        for (NotebookWatch w : notebooks) {
            try {
                w.poll();
            } catch (RuntimeException e) {
                // a scheduled task that throws is never run again: keep watching the others
                LOG.warn("Watching {} failed", w.file(), e);
            }
        }
    }

    /** @return the page's address, token included: what a user opens */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/?token=" + token);
    }

    /** @return the address the server listens on */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** @return the secret every request must carry */
    public String token() {
        return token;
    }

    /** Stops serving and watching; the notebooks are left as they are. */
    @Override
    public void close() {
        server.stop(0);
        pollers.shutdownNow();
        requests.shutdownNow();
        try {
            pollers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String newToken() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** What a dashboard shows and where it listens. */
    public static final class Builder {
        private final List<Path> notebooks = new ArrayList<>();
        private Path connectionFile;
        private String host = "127.0.0.1";
        private int port;
        private String token;
        private Duration pollInterval = Duration.ofMillis(500);

        private Builder() { }

        /**
         * @param file a notebook to show ({@code .json}, {@code .h5}/{@code .hdf5})
         * @return this builder
         * @throws IllegalArgumentException if its extension names no format
         */
        public Builder notebook(Path file) {
            Objects.requireNonNull(file, "file");
            if (!NotebookReader.isNotebook(file)) {
                throw new IllegalArgumentException("Can't tell the format of " + file + ": name notebooks *.json or *.h5");
            }
            notebooks.add(file);
            return this;
        }

        /**
         * @param files notebooks to show
         * @return this builder
         */
        public Builder notebooks(Collection<Path> files) {
            files.forEach(this::notebook);
            return this;
        }

        /**
         * @param file the connection file of a cluster whose workers and work to show
         * @return this builder
         */
        public Builder cluster(Path file) {
            this.connectionFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * @param host the address to listen on (default 127.0.0.1: this machine only)
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * @param port the port (default 0: any free one)
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port " + port + " is not between 0 and 65535");
            }
            this.port = port;
            return this;
        }

        /**
         * @param token the secret requests must carry (default: 48 random hex digits)
         * @return this builder
         */
        public Builder token(String token) {
            if (token == null || !token.matches("[A-Za-z0-9_-]{16,}")) {
                throw new IllegalArgumentException("A token is at least 16 letters, digits, '-' or '_'");
            }
            this.token = token;
            return this;
        }

        /**
         * @param interval how often notebook files are checked for changes (default 500 ms)
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("Poll interval " + interval + " is not positive");
            }
            this.pollInterval = interval;
            return this;
        }

        /**
         * Starts serving and watching.
         *
         * @return the running dashboard
         * @throws IOException if the address cannot be bound
         */
        public Dashboard start() throws IOException {
            return new Dashboard(this);
        }
    }
}
