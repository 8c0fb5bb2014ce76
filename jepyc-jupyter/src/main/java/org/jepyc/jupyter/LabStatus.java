package org.jepyc.jupyter;

import java.util.Objects;
import java.util.OptionalInt;

import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.jepyc.ParallelLab;
import org.jepyc.cluster.ClusterLab;
import org.jepyc.cluster.admin.ClusterUnavailableException;

/**
 * Where a lab stands, as a notebook shows it: its kind and parallelism, its notebook's current
 * result set, results in and pending, and the ready fraction. Taking the status of a
 * {@link ClusterLab} first collects whatever has finished (as {@code readyFraction()} does).
 *
 * @param kind          the lab's class, e.g. {@code ClusterLab}
 * @param engines       experiments run at once: cores of a ParallelLab, engines of a cluster (empty
 *                      for a sequential lab, or a cluster that cannot be reached)
 * @param notebook      the notebook's name
 * @param tag           the current result set
 * @param results       rows in the current set
 * @param pending       pending results in the current set
 * @param allPending    pending results in the whole notebook
 * @param readyFraction the current set's ready fraction
 * @param reachable     false when a cluster could not be reached (the counts are then the notebook's)
 */
public record LabStatus(String kind, OptionalInt engines, String notebook, String tag, int results, int pending,
                        int allPending, double readyFraction, boolean reachable) {

    /** Checks the parts are there. */
    public LabStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(engines, "engines");
        Objects.requireNonNull(tag, "tag");
    }

    /**
     * @param lab a lab
     * @return its status now (a cluster lab collects finished results first)
     */
    public static LabStatus of(Lab lab) {
        LabNotebook nb = lab.notebook();
        OptionalInt engines = OptionalInt.empty();
        boolean reachable = true;
        double fraction;
        if (lab instanceof ClusterLab cl) {
            try {
                fraction = cl.readyFraction();
                engines = OptionalInt.of(cl.numberOfEngines());
            } catch (ClusterUnavailableException e) {
                reachable = false;
                fraction = nb.readyFraction();
            }
        } else {
            fraction = lab.readyFraction();
            if (lab instanceof ParallelLab pl) {
                engines = OptionalInt.of(pl.numberOfCores());
            }
        }
        return new LabStatus(lab.getClass().getSimpleName(), engines, nb.name(), nb.currentTag(),
                nb.current().numberOfResults(), nb.current().numberOfPendingResults(), nb.numberOfAllPendingResults(),
                fraction, reachable);
    }

    /** @return the status as one line of text */
    public String text() {
        StringBuilder b = new StringBuilder(kind);
        engines.ifPresent(n -> b.append(" (").append(n).append(kind.equals("ParallelLab") ? " core" : " engine")
                .append(n == 1 ? ")" : "s)"));
        if (!reachable) {
            b.append(" (cluster unreachable)");
        }
        b.append(", ").append(notebook == null || notebook.isBlank() ? "notebook" : notebook).append(" [").append(tag).append("]: ")
                .append(results).append(results == 1 ? " result, " : " results, ").append(pending).append(" pending, ")
                .append(Math.round(readyFraction * 100)).append("% ready");
        if (allPending != pending) {
            b.append(" (").append(allPending).append(" pending in the notebook)");
        }
        return b.toString();
    }

    /** @return the status as HTML: the line with a bar of the ready fraction */
    public String toHtml() {
        return "<div class=\"jepyc-lab\"><progress value=\"" + readyFraction + "\" max=\"1\" style=\"width: 12em;\"></progress> "
                + HtmlTable.escape(text()) + "</div>";
    }

    @Override
    public String toString() {
        return text();
    }
}
