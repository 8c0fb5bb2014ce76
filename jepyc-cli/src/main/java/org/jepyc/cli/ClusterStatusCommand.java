package org.jepyc.cli;

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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jepyc cluster status}: members and queued, running and finished work. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the cluster's workers and its queued, running and finished (not yet collected) work.")
final class ClusterStatusCommand implements Callable<Integer> {

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
            s = c.status();
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("members", s.members());
            m.put("engines", s.engines());
            m.put("queuedBatches", s.queuedBatches());
            m.put("queuedPoints", s.queuedPoints());
            m.put("runningBatches", s.runningBatches());
            m.put("runningPoints", s.runningPoints());
            m.put("finishedBatches", s.finishedBatches());
            m.put("slurmJobs", SlurmStatusText.json(profile));
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } else {
            System.out.printf("Cluster %s: %d workers, %d engines%n", cf.path(), s.members().size(), s.engines());
            s.members().forEach(m -> System.out.println("  " + m));
            System.out.printf("Queued:   %d points (%d tasks)%nRunning:  %d points (%d tasks)%n"
                    + "Finished: %d tasks waiting to be collected%n",
                    s.queuedPoints(), s.queuedBatches(), s.runningPoints(), s.runningBatches(), s.finishedBatches());
            System.out.print(SlurmStatusText.render(profile));
        }
        return 0;
    }
}
