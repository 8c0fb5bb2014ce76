package org.jepyc.json;

import java.time.DateTimeException;
import java.time.LocalDateTime;

import org.jepyc.resultset.Timestamps;

/**
 * Reads the start and end times epyc writes ({@code YYYY-MM-DDTHH:MM:SS[.ffffff]}) without a
 * {@code DateTimeFormatter}, which costs some 20 µs a call in a fresh JVM: two per row made it
 * most of a 10,000-row load. Anything else goes to {@link Timestamps#parseOrNull}.
 */
final class IsoTimes {
    private IsoTimes() { }

    /**
     * @param s text from a file
     * @return the date-time, or null if the text is not one (epyc leaves such values as text)
     */
    static LocalDateTime parseOrNull(String s) {
        int n = s.length();
        if (n >= 19 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
                && s.charAt(16) == ':' && (n == 19 || (s.charAt(19) == '.' && n > 20 && n <= 29))) {
            int year = digits(s, 0, 4), month = digits(s, 5, 7), day = digits(s, 8, 10);
            int hour = digits(s, 11, 13), minute = digits(s, 14, 16), second = digits(s, 17, 19);
            int nanos = 0;
            if (n > 19) {
                int f = digits(s, 20, n);
                if (f >= 0) {
                    for (int i = n - 20; i < 9; i++) {
                        f *= 10;
                    }
                }
                nanos = f;
            }
            if ((year | month | day | hour | minute | second | nanos) >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
                } catch (DateTimeException e) {
                    // out of range (Feb 30, 24:00): the general reader's lenient rules decide
                    return Timestamps.parseOrNull(s);
                }
            }
        }
        return Timestamps.parseOrNull(s);
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
}
