package org.jepyc.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jepyc.ConsoleProgress;
import org.jepyc.FactorialDesign;
import org.jepyc.LabNotebook;
import org.jepyc.Progress;
import org.jepyc.ProgressListener;
import org.jepyc.cluster.ClusterLab;
import org.jepyc.cluster.ClusterOptions;
import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.admin.JepycHome;
import org.jepyc.cluster.protocol.CodeManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jepyc collect NOTEBOOK}: brings the finished results of a cluster campaign into its
 * notebook, from any process: the notebook holds every pending job's id and parameters, and
 * the cluster holds the results until they are committed.
 */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Bring the finished cluster results of every pending job of NOTEBOOK into it (into the result set "
                + "that holds each job), commit, and say how many succeeded, failed and are still pending. With --wait, "
                + "wait for the pending ones, showing progress.")
final class CollectCommand implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|)");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NOTEBOOK", description = "The campaign's notebook (.json or .h5).")
    Path file;

    @Option(names = "--profile", defaultValue = JepycHome.DEFAULT_PROFILE, description = "The cluster's profile (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--connect", description = "A connection file (instead of the profile's).")
    Path connect;

    @Option(names = "--wait", paramLabel = "DURATION",
            description = "Wait up to this long for pending results: 90s, 10m, 2h, or 'forever' (default: do not wait).")
    String waitFor;

    @Option(names = "--resubmit-lost", description = "Run again the pending jobs the cluster no longer knows "
            + "(it was restarted), with the experiment and code their result set recorded when they were submitted: "
            + "neither the program nor its classes are needed. The workers must still have the jars it used.")
    boolean resubmitLost;

    @Option(names = "--classpath", description = "Jars or directories holding the experiment classes (path-separated): "
            + "only for --resubmit-lost on a notebook written before jepyc recorded the experiment's code.")
    String classpath;

    @Override
    public Integer call() {
        Duration wait = waitFor == null ? null : parseDuration(waitFor);
        NotebookFiles.requireWritable(file, "no results can be collected into it");
        Path connection = connect != null ? connect : connectionFile();
        ConnectionFile cf = ConnectionFile.read(connection);
        PrintWriter out = spec.commandLine().getOut();
        try (LabNotebook nb = NotebookFiles.openExisting(file)) {
            int before = nb.numberOfAllPendingResults();
            if (before == 0) {
                out.println("Nothing is pending in " + file + ": every result is in");
                return 0;
            }
            AtomicReference<Progress> last = new AtomicReference<>(new Progress(0, 0, before, Duration.ZERO));
            ProgressListener counting = p -> last.set(p);
            ProgressListener bar = wait == null ? ProgressListener.NONE
                    : new ConsoleProgress("Collecting", WriterOutputStream.printStream(spec.commandLine().getErr()),
                            System.console() != null);
            ClusterOptions options = ClusterOptions.defaults().withReconnections(1).withConnectTimeout(Duration.ofSeconds(3))
                    .withAllow(experimentPackages());
            try (ClusterLab lab = withExperimentClasses(() -> new ClusterLab(nb, connection, new FactorialDesign(), options))) {
                lab.withProgress(new ProgressListener() {
                    @Override
                    public void started(int total) {
                        bar.started(total);
                    }

                    @Override
                    public void progress(Progress p) {
                        counting.progress(p);
                        bar.progress(p);
                    }

                    @Override
                    public void finished(Progress p) {
                        counting.progress(p);
                        bar.finished(p);
                    }
                });
                if (wait != null) {
                    lab.waitFor(wait);
                } else {
                    lab.updateResults();
                }
                int lost = lab.lostJobs().size();
                int crashed = lab.crashedJobs().size();
                int resubmitted = 0;
                if (resubmitLost && lost > 0) {
                    resubmitted = resubmit(lab);
                }
                Progress p = last.get();
                int pending = nb.numberOfAllPendingResults();
                out.printf("Collected %d result%s into %s: %d succeeded, %d failed%n", p.done(), p.done() == 1 ? "" : "s",
                        file, p.done() - p.failed(), p.failed());
                if (resubmitted > 0) {
                    out.printf("Resubmitted %d lost job%s%n", resubmitted, resubmitted == 1 ? "" : "s");
                    lost = 0;
                }
                int running = pending - lost - crashed - resubmitted;
                if (pending == 0) {
                    out.println("Nothing is pending: the campaign is complete");
                } else {
                    if (running + resubmitted > 0) {
                        out.printf("%d still pending on the cluster (queued or running)%s%n", running + resubmitted,
                                wait == null ? "; wait for them with `jepyc collect " + file + profileOption() + " --wait 10m`" : "");
                    }
                    if (lost > 0) {
                        out.printf("%d pending job%s unknown to the cluster (restarted since?): run them again with "
                                + "`jepyc collect %s%s --resubmit-lost`%n", lost, lost == 1 ? " is" : "s are", file, profileOption());
                    }
                    if (crashed > 0) {
                        out.printf("%d job%s whose results cannot be read here (see the warnings above)%n", crashed,
                                crashed == 1 ? "" : "s");
                    }
                }
            }
        }
        return 0;
    }

    private int resubmit(ClusterLab lab) {
        try {
            return lab.resubmitLost();
        } catch (IllegalStateException e) {
            boolean stored = e.getMessage().contains("call resubmitLost(experiment)");
            throw new UserException(e.getMessage().replace("call resubmitLost(experiment)",
                    "resubmit from the program that submitted the campaign")
                    + (stored && classpath == null ? " (or give --classpath with the jars holding its classes)" : ""));
        }
    }

    private List<Path> experimentClasspath() {
        List<Path> out = new ArrayList<>();
        if (classpath != null) {
            for (String p : classpath.split(File.pathSeparator)) {
                if (!p.isBlank()) {
                    Path path = Path.of(p).toAbsolutePath();
                    if (!Files.isReadable(path)) {
                        throw new UserException("No such jar or directory for --classpath: " + p);
                    }
                    out.add(path);
                }
            }
        }
        return out;
    }

    /** The packages of the experiment classes: a payload may hold their classes, as on the workers. */
    private List<String> experimentPackages() {
        try {
            Set<String> out = new TreeSet<>();
            for (String c : CodeManifest.of(experimentClasspath()).classes().keySet()) {
                int dot = c.lastIndexOf('.');
                if (dot > 0) {
                    out.add(c.substring(0, dot));
                }
            }
            return new ArrayList<>(out);
        } catch (IOException e) {
            throw new UserException("Cannot read --classpath " + classpath + ": " + e.getMessage());
        }
    }

    /** Makes the lab with the experiment classes in reach of its deserialisation (the thread's context loader). */
    private ClusterLab withExperimentClasses(java.util.function.Supplier<ClusterLab> make) {
        List<Path> cp = experimentClasspath();
        if (cp.isEmpty()) {
            return make.get();
        }
        URL[] urls = new URL[cp.size()];
        try {
            for (int i = 0; i < urls.length; i++) {
                urls[i] = cp.get(i).toUri().toURL();
            }
        } catch (MalformedURLException e) {
            throw new UserException("Invalid --classpath " + classpath + ": " + e.getMessage());
        }
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        // kept open for the command's life: the lab loads classes through it until the process ends
        t.setContextClassLoader(new URLClassLoader("jepyc-experiments", urls, getClass().getClassLoader()));
        try {
            return make.get();
        } finally {
            t.setContextClassLoader(old);
        }
    }

    private Path connectionFile() {
        try {
            return JepycHome.connectionFile(profile);
        } catch (IllegalArgumentException e) {
            throw UsageErrorHandler.usage(spec, e.getMessage());
        }
    }

    private String profileOption() {
        return connect != null ? " --connect " + connect : JepycHome.DEFAULT_PROFILE.equals(profile) ? "" : " --profile " + profile;
    }

    private Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("forever")) {
            return Duration.ofSeconds(-1);
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw UsageErrorHandler.usage(spec, "Invalid --wait " + text + ": write a number of seconds (90, 90s), minutes "
                    + "(10m) or hours (2h), or forever");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
