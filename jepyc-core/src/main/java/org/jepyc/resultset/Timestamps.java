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
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return formatAnyYear(t);
        }
        return isoformat(year, t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(),
                t.getNano() / 1000);
    }

    /**
     * {@link #format} of {@link #fromMicros}, without making the date-time: a commit writes two
     * timestamps per row.
     *
     * @param micros what {@link #toMicros} gave
     * @return the date-time's text as Python's {@code isoformat()} writes it
     */
    public static String formatMicros(long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int micro = (int) Math.floorMod(micros, 1_000_000L);
        long day = Math.floorDiv(seconds, 86_400L);
        int second = (int) Math.floorMod(seconds, 86_400L);
        // the proleptic Gregorian date of a day count, by 400-year eras of 146,097 days starting
        // on 1 March, so that the leap day falls at the end of a year
        long z = day + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long dayOfEra = z - era * 146_097L;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        int dayOfMonth = (int) (dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
        int month = (int) (monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            return format(fromMicros(micros));
        }
        return isoformat((int) year, month, dayOfMonth, second / 3600, second / 60 % 60, second % 60, micro);
    }

    /** The text Python's {@code isoformat()} gives a date-time of a four-digit year: digits straight into bytes. */
    private static String isoformat(int year, int month, int day, int hour, int minute, int second, int micros) {
        byte[] out = new byte[micros != 0 ? 26 : 19];
        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, month, 2);
        out[7] = '-';
        digits(out, 8, day, 2);
        out[10] = 'T';
        digits(out, 11, hour, 2);
        out[13] = ':';
        digits(out, 14, minute, 2);
        out[16] = ':';
        digits(out, 17, second, 2);
        if (micros != 0) {
            out[19] = '.';
            digits(out, 20, micros, 6);
        }
        return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code v} (not negative) as {@code width} decimal digits, zero-padded, at {@code at}. */
    private static void digits(byte[] out, int at, int v, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
    }

    private static String formatAnyYear(LocalDateTime t) {
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
     * @param s ISO date-time text
     * @return the date-time, or null if the text is not one (epyc leaves such values as they are)
     */
    public static LocalDateTime parseOrNull(String s) {
        // epyc's own form is read by hand: a DateTimeFormatter costs some 20 us a call in a fresh
        // JVM, and a notebook has two timestamps per row
        long micros = isoMicros(s);
        return micros != Long.MIN_VALUE ? fromMicros(micros) : parseGeneral(s);
    }

    /** @return the non-negative number s[from, to) spells, or -1 if it holds a non-digit */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * @param text ISO date-time text in any of the accepted forms
     * @return the date-time, or null if the text is not one
     */
    static LocalDateTime parseGeneral(String text) {
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
     * A fast path for the text epyc writes, {@code YYYY-MM-DDTHH:MM:SS[.ffffff]}: loading a
     * million rows parses two million of these.
     *
     * @param s text
     * @return microseconds as {@link #toMicros} gives them, or {@code Long.MIN_VALUE} if the text
     *         is not in exactly that form (callers then fall back to {@link #parseOrNull})
     */
    public static long isoMicros(String s) {
        int len = s.length();
        if ((len != 19 && len != 26) || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || (len == 26 && s.charAt(19) != '.')) {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int micro = len == 26 ? digits(s, 20, 26) : 0;
        if ((year | month | day | hour | minute | second | micro) < 0 || month < 1 || month > 12 || day < 1
                || day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
            return Long.MIN_VALUE;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return ((days * 86_400L + hour * 3600L + minute * 60L + second) * 1_000_000L) + micro;
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
