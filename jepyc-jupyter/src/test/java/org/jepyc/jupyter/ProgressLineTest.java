package org.jepyc.jupyter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jepyc.ConsoleProgress;
import org.jepyc.Progress;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void aRunningLineSaysCountsFailuresAndTimeLeft() {
        ProgressLine l = new ProgressLine("sweep", new Progress(5, 1, 20, Duration.ofSeconds(10)));
        assertThat(l.text()).isEqualTo("sweep: 5/20 (1 failed) 0:10, 0:30 left");
        assertThat(l.toHtml()).contains("<progress value=\"5\" max=\"20\"").contains("sweep: 5/20");
    }

    @Test
    void aFinishedLineSaysDone() {
        ProgressLine l = new ProgressLine("sweep", new Progress(20, 0, 20, Duration.ofSeconds(3725)));
        assertThat(l.text()).isEqualTo("sweep: 20/20 1:02:05, done");
    }

    @Test
    void outsideTheKernelProgressGoesToTheConsole() {
        assertThat(JupyterProgress.inKernel()).isFalse();
        assertThat(JupyterProgress.of("x")).isInstanceOf(ConsoleProgress.class);
    }
}
