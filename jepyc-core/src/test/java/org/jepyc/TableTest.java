package org.jepyc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Printing frames and result sets as pandas does: aligned, metadata on request, head and tail. */
class TableTest {
    private static Lab lab(int n) {
        Lab lab = new Lab();
        lab.put("a", IntStream.range(0, n)).put("name", List.of("x"));
        lab.runExperiment(Experiment.of(p -> Map.of("half", ((Long) p.get("a")) / 2.0, "ok", true)));
        return lab;
    }

    @Test
    void aShortFramePrintsWholeAlignedWithoutMetadata() {
        String text = Table.of(lab(3).dataframe()).toString();
        assertThat(text.lines()).hasSize(4);
        assertThat(text).doesNotContain("epyc.experiment");
        List<String> lines = text.lines().toList();
        // every line is as wide as the header, and each value's column ends where its header ends
        String header = lines.get(0);
        for (String column : List.of("a", "half")) {
            int end = header.indexOf(column) + column.length();
            for (String row : lines.subList(1, 4)) {
                assertThat(row.charAt(end - 1)).as("%s in %s", column, row).isNotEqualTo(' ');
                assertThat(end == row.length() || row.charAt(end) == ' ').as("%s in %s", column, row).isTrue();
            }
        }
        assertThat(lines.subList(1, 4)).anySatisfy(row -> assertThat(row.split(" +")).contains("1", "0.5", "x", "True"));
        assertThat(text).doesNotContain("rows x");
    }

    @Test
    void metadataIsShownWhenAskedAfterTheOtherColumns() {
        Table t = Table.of(lab(2).dataframe()).withMetadata();
        List<String> cols = t.columns();
        assertThat(cols).contains(Experiment.STATUS, "a", "half");
        assertThat(cols.indexOf("half")).isLessThan(cols.indexOf(Experiment.STATUS));
        assertThat(t.toString()).contains(Experiment.STATUS);
    }

    @Test
    void aLongTableShowsHeadTailAndTheRowCount() {
        Lab lab = lab(300);
        String text = Table.of(lab.dataframe()).toString();
        List<String> lines = text.lines().toList();
        assertThat(lines.get(1)).startsWith("0 ");
        assertThat(lines.get(5)).startsWith("4 ");
        assertThat(lines.get(6)).startsWith("...");
        assertThat(lines.get(7)).startsWith("295 ");
        assertThat(lines.get(11)).startsWith("299 ");
        assertThat(text).contains("[300 rows x 4 columns;").contains("metadata columns not shown");
        assertThat(Table.of(lab.dataframe()).maxRows(300).toString().lines()).hasSizeGreaterThan(300);
    }

    @Test
    void jepycsOwnMetadataIsHiddenToo() {
        Lab lab = new Lab().withSeed(7);
        lab.put("a", List.of(1, 2));
        lab.runExperiment(Experiment.of(p -> Map.of("r", 1)));
        Table t = Table.of(lab.dataframe());
        assertThat(t.columns()).containsExactly("a", "r");
        assertThat(t.withMetadata().columns()).contains(Experiment.SEED, Experiment.POINT);
    }

    @Test
    void rowsCanBeSortedForPrinting() {
        List<String> lines = Table.of(lab(70).dataframe()).sortedBy("a").maxRows(100).toString().lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i).trim().split(" +")[1]).isEqualTo(Integer.toString(i - 1));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Table.of(lab(2).dataframe()).sortedBy("nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void aResultSetPrintsParametersThenResults() {
        Lab lab = lab(2);
        ResultSet rs = lab.notebook().current();
        String header = rs.toString().lines().findFirst().orElseThrow();
        assertThat(header.indexOf("name")).isLessThan(header.indexOf("half"));
        assertThat(header.indexOf("a ")).isLessThan(header.indexOf("half"));
        assertThat(header).doesNotContain("epyc.");
    }
}
