package org.jepyc.resultset;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * Date-times as epyc writes them: Python's {@code isoformat()} of a naive local time, with
 * microseconds and no fraction at all when they are zero. Reading accepts 0 to 9 fractional
 * digits and a space or a {@code T} between date and time.
 */
public final class Timestamps {

    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter();

    private Timestamps() { }

    /**
     * @param t a date-time
     * @return its text as Python's {@code isoformat()} writes it (microsecond precision)
     */
    public static String format(LocalDateTime t) {
        StringBuilder b = new StringBuilder(26);
        pad(b, t.getYear(), 4).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2).append('T');
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        pad(b, t.getSecond(), 2);
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            pad(b.append('.'), micros, 6);
        }
        return b.toString();
    }

    private static StringBuilder pad(StringBuilder b, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }

    /**
     * @param text ISO date-time text
     * @return the date-time, or null if the text is not one (epyc leaves such values as they are)
     */
    public static LocalDateTime parseOrNull(String text) {
        if (text.length() < 16) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, READ);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * @param t a date-time
     * @return microseconds since the epoch, reading the local time as if it were UTC
     */
    public static long toMicros(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
    }

    /**
     * @param micros what {@link #toMicros} gave
     * @return the date-time
     */
    public static LocalDateTime fromMicros(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }

    /**
     * @param t a date-time
     * @return it truncated to microseconds, the precision notebooks keep
     */
    public static LocalDateTime truncate(LocalDateTime t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }
}
