package org.jepyc.jupyter;

import java.util.ArrayList;
import java.util.List;

import org.jepyc.LabNotebook;
import org.jepyc.ResultSet;

/**
 * A notebook as a notebook shows it: its name and description, and one line per result set (tag,
 * description, results, pending, locked), the current one marked.
 *
 * @param name        the notebook's name (its file, for a persistent one)
 * @param description its description
 * @param sets        its result sets, in the notebook's order
 */
public record NotebookSummary(String name, String description, List<Set> sets) {

    /**
     * One result set.
     *
     * @param tag         its tag
     * @param description its description
     * @param results     rows
     * @param pending     pending results
     * @param locked      whether it is finished
     * @param current     whether it is the notebook's current set
     */
    public record Set(String tag, String description, int results, int pending, boolean locked, boolean current) { }

    /** Copies the list. */
    public NotebookSummary {
        sets = List.copyOf(sets);
    }

    /**
     * @param nb a notebook
     * @return its summary now
     */
    public static NotebookSummary of(LabNotebook nb) {
        List<Set> sets = new ArrayList<>();
        for (String tag : nb.resultSets()) {
            ResultSet rs = nb.resultSet(tag);
            sets.add(new Set(tag, rs.description(), rs.numberOfResults(), rs.numberOfPendingResults(), rs.isLocked(),
                    tag.equals(nb.currentTag())));
        }
        return new NotebookSummary(nb.name(), nb.description(), sets);
    }

    /** @return the summary as lines of text */
    public String text() {
        StringBuilder b = new StringBuilder(title()).append('\n');
        for (Set s : sets) {
            b.append(s.current() ? "* " : "  ").append(s.tag()).append(": ").append(s.results()).append(" results, ")
                    .append(s.pending()).append(" pending").append(s.locked() ? ", locked" : "");
            if (s.description() != null && !s.description().isBlank()) {
                b.append(" (").append(s.description()).append(')');
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** @return the summary as an HTML table */
    public String toHtml() {
        StringBuilder b = new StringBuilder("<div class=\"jepyc-notebook\"><p><b>").append(HtmlTable.escape(title()))
                .append("</b></p><table border=\"1\"><thead><tr><th>result set</th><th>description</th><th>results</th>"
                        + "<th>pending</th><th>locked</th></tr></thead><tbody>");
        for (Set s : sets) {
            b.append("<tr><td>").append(HtmlTable.escape(s.tag())).append(s.current() ? " (current)" : "").append("</td><td>")
                    .append(HtmlTable.escape(s.description() == null ? "" : s.description())).append("</td><td>")
                    .append(s.results()).append("</td><td>").append(s.pending()).append("</td><td>")
                    .append(s.locked() ? "yes" : "").append("</td></tr>");
        }
        return b.append("</tbody></table></div>").toString();
    }

    @Override
    public String toString() {
        return text();
    }

    private String title() {
        String t = name == null ? "notebook (in memory)" : name;
        return description == null || description.isBlank() ? t : t + ": " + description;
    }
}
