package org.jepyc.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;

import org.jepyc.Experiment;
import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.jepyc.ResultSet;
import org.jepyc.ResultsDict;
import org.junit.jupiter.api.Test;

/** What a campaign's progress counts: points, not rows; pending jobs; the campaign's size; the rate. */
class CampaignProgressTest {

    private static ResultsDict row(long i, boolean ok, LocalDateTime end) {
        return new ResultsDict(Map.of("i", i), Map.of(Experiment.STATUS, ok, Experiment.END_TIME, end),
                ok ? Map.of("v", i) : Map.of());
    }

    @Test
    void countsPointsOnceWhateverTheirRowsAndLeavesTheRestToTheCampaignSize() {
        LocalDateTime t = LocalDateTime.of(2026, 1, 1, 12, 0);
        LabNotebook nb = new LabNotebook();
        ResultSet rs = nb.current();
        rs.setAttribute(Lab.CAMPAIGN_POINTS, 10L);
        nb.addResult(row(0, true, t));
        nb.addResult(row(1, false, t.plusSeconds(1)));
        nb.addResult(row(1, true, t.plusSeconds(2)));       // rerun after a failure: done, not failed
        nb.addResult(row(2, false, t.plusSeconds(3)));
        nb.addResult(row(2, false, t.plusSeconds(4)));      // failed twice: one failed point
        nb.addPendingResult(Map.of("i", 3L), "job-3");
        nb.addPendingResult(Map.of("i", 4L), "job-4");

        CampaignProgress p = CampaignProgress.of(rs, rs.dataframe(false));

        assertThat(p.done()).isEqualTo(2);
        assertThat(p.failed()).isEqualTo(1);
        assertThat(p.pending()).isEqualTo(2);
        assertThat(p.total()).isEqualTo(10);
        assertThat(p.left()).isEqualTo(10 - 2 - 1 - 2);
        // five rows ended over four seconds: four intervals, one a second
        assertThat(p.pointsPerSecond()).isEqualTo(1.0);
        assertThat(p.secondsLeft()).isEqualTo((5.0 + 2) / 1.0);
        assertThat(p.lastResult()).isEqualTo(t.plusSeconds(4));
    }

    @Test
    void withoutACampaignSizeTheSetItselfIsTheCampaign() {
        LabNotebook nb = new LabNotebook();
        nb.addPendingResult(Map.of("i", 7L), "job-7");
        ResultSet rs = nb.current();
        CampaignProgress p = CampaignProgress.of(rs, rs.dataframe(false));
        assertThat(p.total()).isEqualTo(1);
        assertThat(p.pending()).isEqualTo(1);
        assertThat(p.left()).isZero();
        assertThat(p.pointsPerSecond()).isNaN();
        assertThat(p.secondsLeft()).isNaN();
    }
}
