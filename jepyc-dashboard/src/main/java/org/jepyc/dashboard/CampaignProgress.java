package org.jepyc.dashboard;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dflib.DataFrame;
import org.dflib.Series;
import org.jepyc.Experiment;
import org.jepyc.Lab;
import org.jepyc.ResultSet;
import org.jepyc.campaign.PointHash;

/**
 * Where a campaign stands, from what its result set records: points done (a successful row),
 * failed (only failed rows), pending (a job and no row) and left, out of the campaign's size
 * (the {@code jepyc.campaign.points} attribute a lab records, or what the set holds when it has
 * none); and how fast results arrive, from the end times of the latest rows.
 *
 * @param total           points in the campaign
 * @param done            points with a successful row
 * @param failed          points with only failed rows
 * @param pending         points waiting for a result
 * @param left            points not yet started
 * @param pointsPerSecond rows finished per second over the last minute of results, NaN if unknown
 * @param secondsLeft     time to finish the pending and left points at that rate, NaN if unknown
 * @param lastResult      the end time of the latest row, or null
 */
record CampaignProgress(long total, long done, long failed, long pending, long left,
                        double pointsPerSecond, double secondsLeft, LocalDateTime lastResult) {

    /** Rates are measured over the results that ended this long before the latest one. */
    static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    /**
     * @param rs the result set
     * @param df all its rows, failures included
     * @return its progress
     */
    static CampaignProgress of(ResultSet rs, DataFrame df) {
        List<String> names = rs.parameterNames();
        PointHash.Hasher hasher = PointHash.over(names);
        int n = df.height();
        long[] ok = new long[n];
        long[] bad = new long[n];
        int nOk = 0;
        int nBad = 0;
        if (n > 0) {
            Series<?>[] params = new Series<?>[names.size()];
            for (int j = 0; j < params.length; j++) {
                params[j] = df.getColumn(names.get(j));
            }
            Series<?> status = df.getColumn(Experiment.STATUS);
            Map<String, Object> point = new HashMap<>();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < params.length; j++) {
                    point.put(names.get(j), params[j].get(i));
                }
                long h = hasher.of(point);
                if (Boolean.TRUE.equals(status.get(i))) {
                    ok[nOk++] = h;
                } else {
                    bad[nBad++] = h;
                }
            }
        }
        long[] doneHashes = distinct(ok, nOk);
        long[] failedHashes = distinct(bad, nBad);
        long failed = Arrays.stream(failedHashes).filter(h -> Arrays.binarySearch(doneHashes, h) < 0).count();
        long pending = 0;
        for (String job : rs.pendingResults()) {
            long h = hasher.of(rs.pendingResultParameters(job));
            if (Arrays.binarySearch(doneHashes, h) < 0 && Arrays.binarySearch(failedHashes, h) < 0) {
                pending++;
            }
        }
        long done = doneHashes.length;
        long seen = done + failed + pending;
        long total = Math.max(seen, campaignPoints(rs));
        long left = total - seen;

        LocalDateTime last = null;
        double rate = Double.NaN;
        if (n > 0 && df.getColumnsIndex().contains(Experiment.END_TIME)) {
            Series<?> ends = df.getColumn(Experiment.END_TIME);
            for (int i = 0; i < n; i++) {
                if (ends.get(i) instanceof LocalDateTime t && (last == null || t.isAfter(last))) {
                    last = t;
                }
            }
            if (last != null) {
                rate = rate(ends, last);
            }
        }
        long toGo = left + pending;
        double secondsLeft = toGo == 0 ? 0 : rate > 0 ? toGo / rate : Double.NaN;
        return new CampaignProgress(total, done, failed, pending, left, rate, secondsLeft, last);
    }

    /** Rows per second among those that ended within the window before the latest. */
    private static double rate(Series<?> ends, LocalDateTime last) {
        LocalDateTime from = last.minus(RATE_WINDOW);
        LocalDateTime first = last;
        int count = 0;
        for (int i = 0; i < ends.size(); i++) {
            if (ends.get(i) instanceof LocalDateTime t && t.isAfter(from)) {
                count++;
                if (t.isBefore(first)) {
                    first = t;
                }
            }
        }
        double span = Duration.between(first, last).toNanos() / 1e9;
        // n rows ending over a span make n - 1 intervals: one row alone says nothing of a rate
        return count < 2 || span <= 0 ? Double.NaN : (count - 1) / span;
    }

    private static long campaignPoints(ResultSet rs) {
        if (!rs.hasAttribute(Lab.CAMPAIGN_POINTS)) {
            return 0;
        }
        try {
            return Long.parseLong(rs.getAttribute(Lab.CAMPAIGN_POINTS).toString().trim());
        } catch (NumberFormatException e) {
            return 0;       // a hand-edited attribute: the set's own counts stand
        }
    }

    private static long[] distinct(long[] a, int n) {
        long[] s = Arrays.copyOf(a, n);
        Arrays.sort(s);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || s[i] != s[i - 1]) {
                s[k++] = s[i];
            }
        }
        return Arrays.copyOf(s, k);
    }
}
