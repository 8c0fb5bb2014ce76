package org.jepyc.resultset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written fast paths: reading agrees with the general DateTimeFormatter reader, and
 * writing gives Python's {@code isoformat()} (seconds always, six fraction digits or none).
 */
class TimestampsTest {
    @ParameterizedTest
    @CsvSource({
        "2026,11,23,21,57,8,332705000,2026-11-23T21:57:08.332705",
        "2026,1,2,3,4,0,0,2026-01-02T03:04:00",
        "2026,12,31,23,59,59,123000000,2026-12-31T23:59:59.123000",
        "2026,12,31,23,59,59,1000,2026-12-31T23:59:59.000001",
        "2026,12,31,23,59,59,999,2026-12-31T23:59:59",
        "5,6,7,8,9,10,0,0005-06-07T08:09:10",
        "12345,6,7,8,9,10,0,12345-06-07T08:09:10"})
    void writesAsPythonsIsoformat(int y, int mo, int d, int h, int mi, int s, int nanos, String python) {
        LocalDateTime t = LocalDateTime.of(y, mo, d, h, mi, s, nanos);
        assertThat(Timestamps.format(t)).isEqualTo(python);
        assertThat(Timestamps.formatMicros(Timestamps.toMicros(t))).isEqualTo(python);
        if (y <= 9999) {
            assertThat(Timestamps.parseOrNull(python)).isEqualTo(Timestamps.truncate(t));
        }
    }

    @Test
    void writesFromMicrosecondsAsFromTheDateTime() {
        // every day of 1900..2100 (leap days, century years) at varied times of day, and the epoch's edges
        SplittableRandom random = new SplittableRandom(7);
        for (LocalDateTime t = LocalDateTime.of(1900, 1, 1, 0, 0); t.getYear() <= 2100; t = t.plusDays(1)) {
            LocalDateTime at = t.plusNanos(random.nextLong(86_400_000_000_000L)).truncatedTo(ChronoUnit.MICROS);
            assertThat(Timestamps.formatMicros(Timestamps.toMicros(at))).isEqualTo(Timestamps.format(at));
        }
        for (long micros : new long[] {0, -1, 1, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2}) {
            assertThat(Timestamps.formatMicros(micros)).isEqualTo(Timestamps.format(Timestamps.fromMicros(micros)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T21:57:08.332705", "2026-11-23T21:57:08", "2026-11-23T21:57:08.5",
        "2026-11-23T21:57:08.123456789", "2026-02-30T00:00:00", "2026-11-23T24:00:00", "2026-11-23 21:57:08",
        "", "x", "2026-11-23T21:57", "2026-11-23T21:57:08.", "2026-1x-23T21:57:08", "2026-11-23T21:57:08.1234567890"})
    void agreesWithTimestamps(String s) {
        LocalDateTime expected = Timestamps.parseGeneral(s);
        assertThat(Timestamps.parseOrNull(s)).isEqualTo(expected);
    }
}
