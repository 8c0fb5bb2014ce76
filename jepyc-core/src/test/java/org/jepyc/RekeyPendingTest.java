package org.jepyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Re-keying a pending job (a resubmitted cluster job) keeps its set and parameters. */
class RekeyPendingTest {

    @Test
    void rekeyKeepsSetAndParameters() {
        LabNotebook nb = new LabNotebook();
        nb.addResultSet("first");
        nb.addPendingResult(Map.of("a", 1L), "old");
        nb.addResultSet("second");
        nb.rekeyPendingResult("old", "new");
        assertThat(nb.pendingResultTag("new")).isEqualTo("first");
        assertThat(nb.pendingResultParameters("new")).isEqualTo(Map.of("a", 1L));
        assertThat(nb.allPendingResults()).containsExactly("new");
        assertThatThrownBy(() -> nb.rekeyPendingResult("old", "x")).isInstanceOf(PendingResultException.class);
        assertThatThrownBy(() -> nb.rekeyPendingResult("new", "new")).isInstanceOf(IllegalArgumentException.class);
    }
}
