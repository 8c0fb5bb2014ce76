package org.jepyc.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dflib.DataFrame;
import org.dflib.Series;
import org.jepyc.Experiment;

/**
 * The points of a plot of a result against a parameter, one line per value of a grouping
 * parameter, as {@code jepyc plot} draws them: a summarised result {@code k} is drawn as
 * {@code k_mean} with error bars from {@code k_ci95} (else {@code k_stddev}); several rows at one
 * x (raw repetitions) are drawn as their mean with their sample standard deviation as the bar.
 * Only successful rows are drawn.
 *
 * @param x         the parameter on the x axis
 * @param y         the column on the y axis
 * @param error     the column the bars come from, or null
 * @param group     the grouping parameter, or null
 * @param lines     the lines, by name
 * @param points    how many points all lines have together
 */
record PlotData(String x, String y, String error, String group, List<Line> lines, int points) {

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
        Map<String, Map<Double, List<double[]>>> byLine = new TreeMap<>();
        for (int i = 0; i < df.height(); i++) {
            if (status != null && !Boolean.TRUE.equals(status.get(i))) {
                continue;
            }
            double xv = Cells.number(xs.get(i));
            double yv = Cells.number(ys.get(i));
            if (!Double.isFinite(xv) || !Double.isFinite(yv)) {
                continue;
            }
            double ev = es == null ? Double.NaN : Cells.number(es.get(i));
            String line = gs == null ? yCol : group + "=" + Cells.text(gs.get(i));
            byLine.computeIfAbsent(line, k -> new TreeMap<>()).computeIfAbsent(xv, k -> new ArrayList<>())
                    .add(new double[] {yv, ev});
        }
        List<Line> lines = new ArrayList<>();
        int points = 0;
        for (Map.Entry<String, Map<Double, List<double[]>>> e : byLine.entrySet()) {
            lines.add(line(e.getKey(), e.getValue()));
            points += e.getValue().size();
        }
        return new PlotData(x, yCol, err, group, lines, points);
    }

    private static Line line(String name, Map<Double, List<double[]>> points) {
        int n = points.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] es = new double[n];
        int i = 0;
        for (Map.Entry<Double, List<double[]>> p : points.entrySet()) {
            List<double[]> vs = p.getValue();
            xs[i] = p.getKey();
            double sum = 0;
            for (double[] v : vs) {
                sum += v[0];
            }
            ys[i] = sum / vs.size();
            if (vs.size() > 1) {
                double ss = 0;
                for (double[] v : vs) {
                    ss += (v[0] - ys[i]) * (v[0] - ys[i]);
                }
                es[i] = Math.sqrt(ss / (vs.size() - 1));
            } else {
                es[i] = Double.isFinite(vs.get(0)[1]) ? vs.get(0)[1] : 0;
            }
            i++;
        }
        return new Line(name, xs, ys, es);
    }

    private static void require(List<String> cols, String name, String what) {
        if (!cols.contains(name)) {
            throw new IllegalArgumentException("No column " + name + " for " + what);
        }
    }
}
