package org.jepyc.jupyter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.jepyc.Experiment;
import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.junit.jupiter.api.Test;

class HtmlTableTest {

    /** A lab whose n points ran: parameter a, result b = 2a, failing where a is 3. */
    private static LabNotebook ran(int n) {
        LabNotebook nb = new LabNotebook("t", "table test");
        Lab lab = new Lab(nb);
        lab.put("a", IntStream.range(0, n));
        lab.runExperiment(Experiment.of(p -> {
            long a = (Long) p.get("a");
            if (a == 3) {
                throw new IllegalStateException("three <is> bad");
            }
            return Map.of("b", 2 * a);
        }));
        return nb;
    }

    private static List<String> headers(String html) {
        Matcher m = Pattern.compile("<th>([^<]*)</th>").matcher(html.substring(0, html.indexOf("</thead>")));
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static long bodyRows(String html) {
        return Pattern.compile("<tr[ >]").matcher(html.substring(html.indexOf("<tbody>"))).results().count();
    }

    @Test
    void aResultSetShowsParametersThenResultsAndHidesMetadata() {
        String html = HtmlTable.of(ran(5).current()).toHtml();
        assertThat(headers(html)).containsExactly("", "a", "b");
        assertThat(html).contains("5 rows × 2 columns").contains("1 failed").contains("metadata columns hidden");
    }

    @Test
    void withMetadataAddsEpycsColumnsAfterTheOthers() {
        HtmlTable t = HtmlTable.of(ran(5).current()).withMetadata();
        List<String> h = headers(t.toHtml());
        assertThat(h.subList(0, 3)).containsExactly("", "a", "b");
        assertThat(h).contains(Experiment.STATUS, Experiment.EXCEPTION, Experiment.ELAPSED_TIME);
        assertThat(t.toHtml()).doesNotContain("hidden");
    }

    @Test
    void aLongFrameShowsHeadAndTailWithAGapAndTheRowCount() {
        LabNotebook nb = ran(40);
        String html = HtmlTable.of(nb.current()).rows(4, 2).toHtml();
        assertThat(bodyRows(html)).isEqualTo(4 + 1 + 2);
        assertThat(html).contains("<th>…</th>").contains("<th>0</th>").contains("<th>3</th>")
                .contains("<th>38</th>").contains("<th>39</th>").doesNotContain("<th>4</th>").contains("40 rows");
    }

    @Test
    void aShortFrameShowsEveryRowWithoutAGap() {
        String html = HtmlTable.of(ran(6).current()).rows(4, 2).toHtml();
        assertThat(bodyRows(html)).isEqualTo(6);
        assertThat(html).doesNotContain("…");
    }

    @Test
    void failedRowsAreTintedAndTextIsEscaped() {
        String html = HtmlTable.of(ran(5).current()).withMetadata().toHtml();
        assertThat(Pattern.compile("background-color").matcher(html).results().count()).isEqualTo(1);
        assertThat(html).contains("three &lt;is&gt; bad").doesNotContain("three <is>");
    }

    @Test
    void aBareFrameTellsMetadataByName() {
        LabNotebook nb = ran(5);
        HtmlTable t = HtmlTable.of(nb.dataframe());
        assertThat(t.columns()).containsExactly("a", "b");
        assertThat(t.height()).isEqualTo(4);   // the notebook's frame holds the successful rows
    }

    @Test
    void negativeRowCountsAreRefusedNamingThem() {
        assertThatThrownBy(() -> HtmlTable.of(ran(2).current()).rows(-1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first -1");
    }

    @Test
    void numbersAreShownToSixSignificantDigits() {
        assertThat(HtmlTable.format(1.0 / 3)).isEqualTo("0.333333");
        assertThat(HtmlTable.format(2.0)).isEqualTo("2.0");
        assertThat(HtmlTable.format(1234567.0)).isEqualTo("1234570.0");
        assertThat(HtmlTable.format(1.5e-7)).isEqualTo("1.5E-7");
        assertThat(HtmlTable.format(Double.NaN)).isEqualTo("NaN");
        assertThat(HtmlTable.format(7L)).isEqualTo("7");
        assertThat(HtmlTable.format(null)).isEmpty();
    }
}
