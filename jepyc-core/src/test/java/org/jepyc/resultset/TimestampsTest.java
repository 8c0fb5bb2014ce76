package org.jepyc.resultset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written fast path reads exactly what the general DateTimeFormatter reader reads. */
class TimestampsTest {
    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T21:57:08.332705", "2026-11-23T21:57:08", "2026-11-23T21:57:08.5",
        "2026-11-23T21:57:08.123456789", "2026-02-30T00:00:00", "2026-11-23T24:00:00", "2026-11-23 21:57:08",
        "", "x", "2026-11-23T21:57", "2026-11-23T21:57:08.", "2026-1x-23T21:57:08", "2026-11-23T21:57:08.1234567890"})
    void agreesWithTimestamps(String s) {
        LocalDateTime expected = Timestamps.parseGeneral(s);
        assertThat(Timestamps.parseOrNull(s)).isEqualTo(expected);
    }
}
