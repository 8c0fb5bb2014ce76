package org.jepyc.jupyter;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.dflib.DataFrame;
import org.jepyc.Experiment;
import org.jepyc.ResultSet;

/**
 * A data frame as an HTML table for a notebook: parameters and results first, metadata only on
 * request, the first and last rows of a long frame, and always the row count. Failed rows (their
 * {@code epyc.experiment.status} false) are tinted. Immutable: each option gives a new table.
 *
 * <pre>{@code
 * HtmlTable.of(nb.current()).withMetadata().rows(5, 5)
 * }</pre>
 */
public final class HtmlTable {
    /** Rows shown from the start of a long frame unless {@link #rows} says otherwise. */
    public static final int DEFAULT_HEAD = 10;
    /** Rows shown from the end of a long frame unless {@link #rows} says otherwise. */
    public static final int DEFAULT_TAIL = 5;

    private final DataFrame frame;
    private final List<String> leading;
    private final List<String> metadata;
    private final String caption;
    private final boolean showMetadata;
    private final int head;
    private final int tail;

    private HtmlTable(DataFrame frame, List<String> leading, List<String> metadata, String caption,
                      boolean showMetadata, int head, int tail) {
        this.frame = frame;
        this.leading = leading;
        this.metadata = metadata;
        this.caption = caption;
        this.showMetadata = showMetadata;
        this.head = head;
        this.tail = tail;
    }

    /**
     * A frame whose metadata columns are told by their names: epyc's and jepyc's own
     * ({@code epyc.*}, {@code jepyc.*}).
     *
     * @param frame the rows
     * @return the table
     */
    public static HtmlTable of(DataFrame frame) {
        List<String> lead = new ArrayList<>();
        List<String> meta = new ArrayList<>();
        for (String c : frame.getColumnsIndex().toArray()) {
            (c.startsWith("epyc.") || c.startsWith("jepyc.") ? meta : lead).add(c);
        }
        return new HtmlTable(frame, lead, meta, null, false, DEFAULT_HEAD, DEFAULT_TAIL);
    }

    /**
     * Every row of a result set (failed ones too), parameters then results, with its description
     * and pending count as the caption.
     *
     * @param rs the result set
     * @return the table
     */
    public static HtmlTable of(ResultSet rs) {
        DataFrame df = rs.dataframe(false);
        Set<String> present = new LinkedHashSet<>(List.of(df.getColumnsIndex().toArray()));
        List<String> lead = new ArrayList<>();
        rs.parameterNames().stream().filter(present::contains).forEach(lead::add);
        rs.resultNames().stream().filter(present::contains).filter(n -> !lead.contains(n)).forEach(lead::add);
        List<String> meta = new ArrayList<>();
        present.stream().filter(n -> !lead.contains(n)).forEach(meta::add);
        StringBuilder cap = new StringBuilder();
        if (rs.description() != null && !rs.description().isBlank()) {
            cap.append(rs.description()).append(" · ");
        }
        int pending = rs.numberOfPendingResults();
        if (pending > 0) {
            cap.append(pending).append(" pending · ");
        }
        return new HtmlTable(df, lead, meta, cap.toString(), false, DEFAULT_HEAD, DEFAULT_TAIL);
    }

    /** @return this table with the metadata columns shown after the others */
    public HtmlTable withMetadata() {
        return new HtmlTable(frame, leading, metadata, caption, true, head, tail);
    }

    /**
     * @param first rows shown from the start of a long frame
     * @param last  rows shown from the end
     * @return this table showing those rows, with a gap row between when some are left out
     */
    public HtmlTable rows(int first, int last) {
        if (first < 0 || last < 0) {
            throw new IllegalArgumentException("Row counts must be 0 or more: first " + first + ", last " + last);
        }
        return new HtmlTable(frame, leading, metadata, caption, showMetadata, first, last);
    }

    /** @return the number of rows of the frame (shown or not) */
    public int height() { return frame.height(); }

    /** @return the columns shown, in order */
    public List<String> columns() {
        List<String> cols = new ArrayList<>(leading);
        if (showMetadata) {
            cols.addAll(metadata);
        }
        return cols;
    }

    /** @return the table as an HTML fragment */
    public String toHtml() {
        List<String> cols = columns();
        int n = frame.height();
        boolean gap = n > head + tail;
        StringBuilder b = new StringBuilder("<div class=\"jepyc-table\"><table class=\"dataframe\" border=\"1\">");
        b.append("<thead><tr style=\"text-align: right;\"><th></th>");
        for (String c : cols) {
            b.append("<th>").append(escape(c)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (int i = 0; i < n; i++) {
            if (gap && i == head) {
                b.append("<tr><th>…</th>");
                b.append("<td>…</td>".repeat(cols.size()));
                b.append("</tr>");
                i = n - tail - 1;
                continue;
            }
            b.append(failed(i) ? "<tr style=\"background-color: #fde8e8;\">" : "<tr>");
            b.append("<th>").append(i).append("</th>");
            for (String c : cols) {
                b.append("<td>").append(escape(format(frame.getColumn(c).get(i)))).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table><p>").append(escape(summary())).append("</p></div>");
        return b.toString();
    }

    /** @return a one-line description: rows, columns, failed rows, hidden metadata */
    public String summary() {
        StringBuilder s = new StringBuilder(caption == null ? "" : caption);
        int n = frame.height();
        s.append(n).append(n == 1 ? " row" : " rows").append(" × ").append(columns().size()).append(" columns");
        int failed = 0;
        for (int i = 0; i < n; i++) {
            failed += failed(i) ? 1 : 0;
        }
        if (failed > 0) {
            s.append(", ").append(failed).append(" failed");
        }
        if (!showMetadata && !metadata.isEmpty()) {
            s.append(" (").append(metadata.size()).append(" metadata columns hidden: withMetadata() shows them)");
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return summary();
    }

    private boolean failed(int row) {
        if (!frame.getColumnsIndex().contains(Experiment.STATUS)) {
            return false;
        }
        return Boolean.FALSE.equals(frame.getColumn(Experiment.STATUS).get(row));
    }

    /**
     * @param v a cell
     * @return its text: numbers to 6 significant digits, nothing for null
     */
    static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d.toString();
            }
            if (d == 0.0) {
                return "0.0";
            }
            BigDecimal x = new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros();
            double mag = Math.abs(d);
            String t = mag >= 1e-4 && mag < 1e15 ? x.toPlainString() : x.toString();
            return t.contains(".") || t.contains("E") ? t : t + ".0";
        }
        if (v instanceof Float f) {
            return format(f.doubleValue());
        }
        return Objects.toString(v);
    }

    /**
     * @param s text
     * @return it with HTML's special characters escaped
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
