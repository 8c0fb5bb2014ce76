package org.jepyc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jepyc.Experiment;
import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.jepyc.ResultSet;
import org.jepyc.ResultsDict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jepyc plan}: where a campaign stands, from what its notebook records. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Tell how many points of a result set's campaign are done, failed, pending and left, "
                + "and estimate the time left from the timings recorded (on one core). The campaign's size is the "
                + "jepyc.campaign.points attribute its last run recorded.")
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec cmd;

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
            // a point is its parameters' values, in the order of the names: a notebook reads every
            // integer back as a Long and every float as a Double, so equal points have equal lists
            Map<List<Object>, Boolean> points = new HashMap<>();    // point -> succeeded at least once
            double seconds = 0;
            int timed = 0;
            for (ResultsDict r : rs.results()) {
                List<Object> point = new ArrayList<>(names.size());
                names.forEach(n -> point.add(r.parameters().get(n)));
                points.merge(point, r.success(), Boolean::logicalOr);
                if (r.success() && r.metadata().get(Experiment.ELAPSED_TIME) instanceof Double d) {
                    seconds += d;
                    timed++;
                }
            }
            long done = points.values().stream().filter(b -> b).count();
            long failed = points.size() - done;
            int pending = rs.numberOfPendingResults();
            PrintWriter out = cmd.commandLine().getOut();
            out.printf("%s:%s%n", file, tag);
            out.printf("  %d done, %d failed, %d pending%n", done, failed, pending);
            if (rs.hasAttribute(Lab.CAMPAIGN_POINTS)) {
                long total = total(rs.getAttribute(Lab.CAMPAIGN_POINTS), file, tag);
                long left = Math.max(0, total - done - failed - pending);
                out.printf("  %d left of %d points%n", left, total);
                if (timed > 0) {
                    Duration d = Duration.ofMillis((long) (seconds / timed * 1000 * (left + failed)));
                    out.printf("  about %d:%02d:%02d of computing to go (failed points rerun), on one core%n",
                            d.toHours(), d.toMinutesPart(), d.toSecondsPart());
                }
            } else {
                out.println("  (no jepyc.campaign.points attribute: the campaign's size is unknown)");
            }
            out.flush();
        }
        return 0;
    }

    private static long total(Object attribute, Path file, String tag) {
        try {
            return Long.parseLong(String.valueOf(attribute).strip());
        } catch (NumberFormatException e) {
            throw new UserException("Result set " + file + ":" + tag + " has " + Lab.CAMPAIGN_POINTS + " = '" + attribute
                    + "', not a number of points: run the campaign again to record its size");
        }
    }
}
