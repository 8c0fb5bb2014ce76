package org.jepyc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.jepyc.cluster.worker.WorkerMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jepyc worker --connect FILE}: one more worker, in the foreground. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Run one worker in this process (for another machine or a batch job) until the cluster "
                + "is stopped.")
final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--connect", required = true, description = "The cluster's connection file.")
    Path connect;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "0", description = "Member port (default: a free one).")
    int port;

    @Option(names = "--threads", defaultValue = "1", description = "Experiments run at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--classpath", description = "Jars or directories holding the experiment classes.")
    String classpath;

    @Option(names = "--allow", description = "A further package whose classes tasks may contain (repeatable).")
    List<String> allow = new ArrayList<>();

    @Option(names = "--lite", description = "Hold none of the cluster's data, and hand running work back when "
            + "terminated (workers in batch jobs).")
    boolean lite;

    @Option(names = "--end-time", description = "When this worker's batch job ends (seconds since 1970); it takes "
            + "no work it cannot finish by then.")
    String endTime;

    @Option(names = "--end-margin", defaultValue = "0", description = "Seconds kept free before --end-time (default: ${DEFAULT-VALUE}).")
    long endMargin;

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>(List.of("--connect", connect.toString(), "--host", host,
                "--port", Integer.toString(port), "--threads", Integer.toString(threads)));
        if (classpath != null) {
            args.addAll(List.of("--classpath", classpath));
        }
        allow.forEach(a -> args.addAll(List.of("--allow", a)));
        if (lite) {
            args.add("--lite");
        }
        if (endTime != null && !endTime.isBlank()) {
            args.addAll(List.of("--end-time", endTime, "--end-margin", Long.toString(endMargin)));
        }
        WorkerMain.run(WorkerMain.parse(args.toArray(String[]::new)));
        return 0;
    }
}
