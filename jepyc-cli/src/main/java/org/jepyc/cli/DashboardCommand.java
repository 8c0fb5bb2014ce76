package org.jepyc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.jepyc.cluster.admin.JepycHome;
import org.jepyc.dashboard.Dashboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jepyc dashboard}: a live web page of notebooks and a running cluster. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Serve a web page of notebooks and a running cluster: result sets, a campaign's progress as "
                + "results are committed, a sortable and filterable table, failures with their tracebacks, and plots. "
                + "Notebooks are only read, never written. Open the printed URL (its token is required); Ctrl-C stops.")
final class DashboardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NOTEBOOK", arity = "0..*", description = "Notebooks to show (*.json, *.h5).")
    List<Path> notebooks = new ArrayList<>();

    @Option(names = "--profile", description = "Also show this profile's cluster (without notebooks: the default profile's).")
    String profile;

    @Option(names = "--connect", description = "Also show the cluster of this connection file.")
    Path connect;

    @Option(names = "--port", defaultValue = "0", description = "Port to listen on (default: a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port " + port + " is not a port number: give one from 1 to 65535, or 0 for a free one");
        }
        Dashboard.Builder b = Dashboard.builder().host(host);
        try {
            b.port(port);
            for (Path nb : notebooks) {
                b.notebook(nb);
                if (!Files.isRegularFile(nb)) {
                    throw new UserException("No notebook " + nb + (Files.exists(nb) ? " (not a file)" : " (no such file)"));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        Path cluster = connect != null ? connect
                : profile != null || notebooks.isEmpty() ? JepycHome.connectionFile(profile != null ? profile : JepycHome.DEFAULT_PROFILE)
                : null;
        if (cluster != null) {
            if (!Files.isRegularFile(cluster)) {
                throw new UserException("No cluster connection file " + cluster + (notebooks.isEmpty()
                        ? ": give notebooks to show, or start a cluster (`jepyc cluster start`)" : ""));
            }
            b.cluster(cluster);
        }
        Dashboard d;
        try {
            d = b.start();
        } catch (BindException e) {
            throw new UserException("Can't listen on " + host + ":" + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            d.close();
            stopped.countDown();
        }, "jepyc-dashboard-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Dashboard of " + notebooks.size() + " notebook(s)" + (cluster != null ? " and the cluster of " + cluster : "")
                + " at:");
        out.println("    " + d.uri());
        if (!d.address().getAddress().isLoopbackAddress()) {
            out.println("Listening on " + host + ": anyone who can reach it and has the token can read the notebooks.");
        }
        out.println("Ctrl-C stops it.");
        out.flush();
        stopped.await();
        return 0;
    }
}
