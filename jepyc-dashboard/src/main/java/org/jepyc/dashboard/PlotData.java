package org.jepyc.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dflib.DataFrame;
import org.dflib.Series;
import org.jepyc.Experiment;

/**
 * The points of a plot of a result against a parameter, one line per value of a grouping
 * parameter, as {@code jepyc plot} draws them: a summarised result {@code k} is drawn as
 * {@code k_mean} with error bars from {@code k_ci95} (else {@code k_stddev}); several rows at one
 * x (raw repetitions) are drawn as their mean with their sample standard deviation as the bar.
 * Only successful rows are drawn; a plot of a million rows stays one a browser can draw (at most
 * {@link #MAX_LINES} lines of {@link #MAX_POINTS} points).
 *
 * @param x         the parameter on the x axis
 * @param y         the column on the y axis
 * @param error     the column the bars come from, or null
 * @param group     the grouping parameter, or null
 * @param lines     the lines, by name
 * @param points    how many points all lines have together
 * @param groups    how many values the grouping parameter has (lines beyond {@link #MAX_LINES} are not drawn)
 */
record PlotData(String x, String y, String error, String group, List<Line> lines, int points, int groups) {
    /** At most this many lines are drawn: the first values of the grouping parameter. */
    static final int MAX_LINES = 20;
    /** At most this many points per line. */
    static final int MAX_POINTS = 5000;

    /**
     * @param name  the line's name ({@code group=value}, or the y column's)
     * @param xs    x values, increasing
     * @param ys    y values
     * @param bars  error-bar half-widths (0 where there is none)
     */
    record Line(String name, double[] xs, double[] ys, double[] bars) { }

    /**
     * @param df    every row of the set
     * @param x     a parameter
     * @param y     a result (a summarised {@code k} means {@code k_mean})
     * @param group a parameter to draw one line per value of, or null
     * @return the plot's points
     * @throws IllegalArgumentException naming a column that is not there
     */
    static PlotData of(DataFrame df, String x, String y, String group) {
        List<String> cols = List.of(df.getColumnsIndex().toArray());
        require(cols, x, "x");
        String yCol = cols.contains(y) ? y : cols.contains(y + "_mean") ? y + "_mean" : null;
        if (yCol == null) {
            throw new IllegalArgumentException("No column " + y + " to plot");
        }
        if (group != null) {
            require(cols, group, "group");
        }
        String base = yCol.endsWith("_mean") ? yCol.substring(0, yCol.length() - "_mean".length()) : yCol;
        String err = cols.contains(base + "_ci95") ? base + "_ci95" : cols.contains(base + "_stddev") ? base + "_stddev" : null;

        Series<?> xs = df.getColumn(x);
        Series<?> ys = df.getColumn(yCol);
        Series<?> es = err == null ? null : df.getColumn(err);
        Series<?> gs = group == null ? null : df.getColumn(group);
        Series<?> status = cols.contains(Experiment.STATUS) ? df.getColumn(Experiment.STATUS) : null;
        List<Object> groups = groups(gs);
        Map<Object, Map<Double, double[]>> byGroup = new HashMap<>();
        for (Object g : groups.subList(0, Math.min(groups.size(), MAX_LINES))) {
            byGroup.put(g, new HashMap<>());
        }
        for (int i = 0; i < df.height(); i++) {
            if (status != null && !Boolean.TRUE.equals(status.get(i))) {
                continue;
            }
            Map<Double, double[]> line = byGroup.get(gs == null ? "" : gs.get(i));
            double xv = Cells.number(xs.get(i));
            double yv = Cells.number(ys.get(i));
            if (line == null || !Double.isFinite(xv) || !Double.isFinite(yv)) {
                continue;
            }
            // count, mean and sum of squared deviations (Welford's, exact enough in one pass), and
            // the bar of the latest row at this x
            double[] acc = line.computeIfAbsent(xv, k -> new double[4]);
            acc[0]++;
            double delta = yv - acc[1];
            acc[1] += delta / acc[0];
            acc[2] += delta * (yv - acc[1]);
            acc[3] = es == null ? Double.NaN : Cells.number(es.get(i));
        }
        List<Line> lines = new ArrayList<>();
        int points = 0;
        for (Object g : groups.subList(0, Math.min(groups.size(), MAX_LINES))) {
            Map<Double, double[]> acc = byGroup.get(g);
            if (!acc.isEmpty()) {
                Line l = line(gs == null ? yCol : group + "=" + Cells.text(g), acc);
                lines.add(l);
                points += l.xs().length;
            }
        }
        return new PlotData(x, yCol, err, group, lines, points, groups.size());
    }

    /** The values of the grouping column, numbers in numeric order, others as text; one "" without one. */
    private static List<Object> groups(Series<?> gs) {
        if (gs == null) {
            return List.of("");
        }
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < gs.size(); i++) {
            seen.add(gs.get(i));
        }
        List<Object> out = new ArrayList<>(seen);
        out.sort(Comparator.nullsLast((a, b) -> a instanceof Number m && b instanceof Number n
                ? Double.compare(m.doubleValue(), n.doubleValue()) : Cells.text(a).compareTo(Cells.text(b))));
        return out;
    }

    /** One point per x: the mean of its rows; the bar is their sample deviation, or the row's own. */
    private static Line line(String name, Map<Double, double[]> acc) {
        double[] xs = acc.keySet().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        // a line of more distinct x than a chart can show is thinned to every k-th x
        int step = (xs.length + MAX_POINTS - 1) / MAX_POINTS;
        int n = (xs.length + step - 1) / step;
        double[] px = new double[n];
        double[] py = new double[n];
        double[] pe = new double[n];
        for (int i = 0; i < n; i++) {
            double[] a = acc.get(xs[i * step]);
            px[i] = xs[i * step];
            py[i] = a[1];
            if (a[0] > 1) {
                pe[i] = Math.sqrt(a[2] / (a[0] - 1));
            } else {
                pe[i] = Double.isFinite(a[3]) ? a[3] : 0;
            }
        }
        return new Line(name, px, py, pe);
    }

    private static void require(List<String> cols, String name, String what) {
        if (!cols.contains(name)) {
            throw new IllegalArgumentException("No column " + name + " for " + what);
        }
    }
}
