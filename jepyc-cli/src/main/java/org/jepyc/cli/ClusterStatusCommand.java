package org.jepyc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.admin.JepycHome;
import org.jepyc.cluster.client.ClusterStatus;
import org.jepyc.cluster.client.JobClient;
import org.jepyc.cluster.protocol.Signer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jepyc cluster status}: members and queued, running and finished work. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the cluster's workers and its queued, running and finished (not yet collected) work, "
                + "successes and failures apart.")
final class ClusterStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", defaultValue = JepycHome.DEFAULT_PROFILE, description = "Profile name (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--connect", description = "A connection file (instead of the profile's).")
    Path connect;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ConnectionFile cf = ConnectionFile.read(connect != null ? connect : JepycHome.connectionFile(profile));
        ClusterStatus s;
        try (JobClient c = JobClient.connect(cf, Duration.ofSeconds(3), 0)) {
            s = c.status(new Signer(cf.secret()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("profile", cf.profile().orElse(null));
            m.put("connectionFile", String.valueOf(cf.path()));
            m.put("members", s.members());
            m.put("engines", s.engines());
            m.put("queuedTasks", s.queuedBatches());
            m.put("queuedPoints", s.queuedPoints());
            m.put("runningTasks", s.runningBatches());
            m.put("runningPoints", s.runningPoints());
            m.put("finishedTasks", s.finishedBatches());
            m.put("succeededPoints", s.succeededPoints());
            m.put("failedPoints", s.failedPoints());
            m.put("failedTasks", s.failedBatches());
            m.put("failures", s.failures());
            m.put("unreadableEntries", s.unreadable());
            m.put("slurmJobs", SlurmStatusText.json(profile));
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } else {
            out.printf("Cluster %s: %d workers, %d engines%n", cf.profile().map(p -> "of profile " + p).orElse(String.valueOf(cf.path())),
                    s.members().size(), s.engines());
            for (ClusterStatus.Member m : s.members()) {
                out.printf("  %s:%d  pid %d  %d thread%s  %d tasks run (%d points)%n", m.host(), m.port(), m.pid(),
                        m.threads(), m.threads() == 1 ? "" : "s", m.tasksRun(), m.pointsRun());
            }
            out.printf("Queued:   %d points (%d tasks)%nRunning:  %d points (%d tasks)%n",
                    s.queuedPoints(), s.queuedBatches(), s.runningPoints(), s.runningBatches());
            out.printf("Finished: %d tasks waiting to be collected: %d points succeeded, %d failed%n",
                    s.finishedBatches(), s.succeededPoints(), s.failedPoints());
            if (s.failedBatches() > 0) {
                out.printf("  %d of those tasks failed whole: %s%n", s.failedBatches(), String.join("; ", s.failures()));
            }
            if (s.unreadable() > 0) {
                out.printf("Skipped %d entries of the cluster's maps that jepyc did not write%n", s.unreadable());
            }
            if (s.finishedBatches() > 0) {
                out.println("Collect them into their notebook with `jepyc collect NOTEBOOK"
                        + cf.profile().filter(p -> !p.equals(JepycHome.DEFAULT_PROFILE)).map(p -> " --profile " + p).orElse("")
                        + "`");
            }
            out.printf("%s", SlurmStatusText.render(profile));
        }
        return 0;
    }
}
