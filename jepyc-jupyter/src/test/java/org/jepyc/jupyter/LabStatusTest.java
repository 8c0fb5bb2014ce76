package org.jepyc.jupyter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jepyc.Experiment;
import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.jepyc.ParallelLab;
import org.junit.jupiter.api.Test;

class LabStatusTest {

    @Test
    void aLabSaysItsSetResultsPendingAndReadiness() {
        LabNotebook nb = new LabNotebook("sweep", null);
        Lab lab = new Lab(nb);
        lab.put("a", List.of(1, 2, 3));
        lab.runExperiment(Experiment.of(p -> Map.of("b", 1)));
        nb.addPendingResult(Map.of("a", 4L), "job-1");
        LabStatus s = LabStatus.of(lab);
        assertThat(s.results()).isEqualTo(3);
        assertThat(s.pending()).isEqualTo(1);
        assertThat(s.readyFraction()).isEqualTo(0.75);
        assertThat(s.engines()).isEmpty();
        assertThat(s.text()).isEqualTo("Lab, sweep [epyc.resultset.default]: 3 results, 1 pending, 75% ready");
        assertThat(s.toHtml()).contains("<progress value=\"0.75\"");
    }

    @Test
    void aParallelLabSaysItsCores() {
        ParallelLab lab = new ParallelLab(new LabNotebook(), 1);
        assertThat(LabStatus.of(lab).text()).startsWith("ParallelLab (1 core), notebook [epyc.resultset.default]: 0 results");
    }

    @Test
    void aNotebookSummaryListsItsSetsAndMarksTheCurrentOne() {
        LabNotebook nb = new LabNotebook("nb", "two sets");
        nb.addResultSet("first", "the first");
        nb.addResultSet("second");
        nb.select("first");
        NotebookSummary s = NotebookSummary.of(nb);
        assertThat(s.text()).contains("nb: two sets").contains("* first: 0 results, 0 pending (the first)")
                .contains("  second: 0 results");
        assertThat(s.toHtml()).contains("<td>first (current)</td>");
    }
}
