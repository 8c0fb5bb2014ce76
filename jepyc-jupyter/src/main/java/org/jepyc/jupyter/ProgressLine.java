package org.jepyc.jupyter;

import java.time.Duration;
import java.util.Objects;

import org.jepyc.Progress;

/**
 * One line saying how far a run has got: a bar, points done of the total, failures, time taken
 * and time left. What {@link JupyterProgress} shows, and redraws in place, in a notebook.
 *
 * @param label    what is running
 * @param progress how far it has got
 */
public record ProgressLine(String label, Progress progress) {

    /** Checks the parts are there. */
    public ProgressLine {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(progress, "progress");
    }

    /** @return the line as HTML: a {@code <progress>} bar and the counts */
    public String toHtml() {
        return "<div class=\"jepyc-progress\"><progress value=\"" + progress.done() + "\" max=\""
                + Math.max(progress.total(), 1) + "\" style=\"width: 20em;\"></progress> "
                + HtmlTable.escape(text()) + "</div>";
    }

    /** @return the line as text, e.g. {@code SIR sweep: 12/20 (1 failed) 0:03, 0:02 left} */
    public String text() {
        StringBuilder b = new StringBuilder(label).append(": ").append(progress.done()).append('/').append(progress.total());
        if (progress.failed() > 0) {
            b.append(" (").append(progress.failed()).append(" failed)");
        }
        b.append(' ').append(clock(progress.elapsed()));
        if (progress.done() < progress.total()) {
            progress.remaining().ifPresent(r -> b.append(", ").append(clock(r)).append(" left"));
        } else {
            b.append(", done");
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    private static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
