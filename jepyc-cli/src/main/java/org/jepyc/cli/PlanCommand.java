package org.jepyc.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jepyc.Experiment;
import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.jepyc.ResultSet;
import org.jepyc.ResultsDict;
import org.jepyc.campaign.PointHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jepyc plan}: where a campaign stands, from what its notebook records. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Tell how many points of a result set's campaign are done, failed, pending and left, "
                + "and estimate the time left from the timings recorded (on one core). The campaign's size is the "
                + "jepyc.campaign.points attribute its last run recorded.")
final class PlanCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NOTEBOOK[:TAG]", description = "The notebook, and the result set (default: the current one).")
    String spec;

    @Override
    public Integer call() {
        ResultSetSpec s = ResultSetSpec.parse(spec);
        Path file = s.notebookOr(null);
        try (LabNotebook nb = NotebookFiles.openReadOnly(file)) {
            String tag = NotebookFiles.tagOrCurrent(nb, s, file);
            ResultSet rs = nb.resultSet(tag);
            List<String> names = rs.parameterNames();
            Map<Long, Boolean> points = new HashMap<>();       // point -> succeeded at least once
            double seconds = 0;
            int timed = 0;
            for (ResultsDict r : rs.results()) {
                points.merge(PointHash.of(r.parameters(), names), r.success(), Boolean::logicalOr);
                if (r.success() && r.metadata().get(Experiment.ELAPSED_TIME) instanceof Double d) {
                    seconds += d;
                    timed++;
                }
            }
            long done = points.values().stream().filter(b -> b).count();
            long failed = points.size() - done;
            int pending = rs.numberOfPendingResults();
            System.out.printf("%s:%s%n", file, tag);
            System.out.printf("  %d done, %d failed, %d pending%n", done, failed, pending);
            if (rs.hasAttribute(Lab.CAMPAIGN_POINTS)) {
                long total = Long.parseLong(rs.getAttribute(Lab.CAMPAIGN_POINTS).toString());
                long left = Math.max(0, total - done - failed - pending);
                System.out.printf("  %d left of %d points%n", left, total);
                if (timed > 0) {
                    Duration d = Duration.ofMillis((long) (seconds / timed * 1000 * (left + failed)));
                    System.out.printf("  about %d:%02d:%02d of computing to go (failed points rerun), on one core%n",
                            d.toHours(), d.toMinutesPart(), d.toSecondsPart());
                }
            } else {
                System.out.println("  (no jepyc.campaign.points attribute: the campaign's size is unknown)");
            }
        }
        return 0;
    }
}
