package org.jepyc.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dflib.DataFrame;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a result column against a parameter as a PNG line plot, one line per value of a grouping
 * parameter. Error bars come from the summary companions of the y column ({@code _ci95}, else
 * {@code _stddev}); when several rows share an x (raw repetitions), their mean is drawn with the
 * sample standard deviation as the error bar.
 */
final class Plotter {

    private Plotter() { }

    /**
     * @param df    the rows (successful ones)
     * @param x     the parameter on the x axis
     * @param y     the result on the y axis (a summarised {@code k} means {@code k_mean})
     * @param group a parameter to draw one line per value of, or null
     * @param title the chart's title
     * @param png   where to write the picture
     * @throws IOException if it cannot be written
     */
    static void plot(DataFrame df, String x, String y, String group, String title, Path png) throws IOException {
        List<String> cols = List.of(df.getColumnsIndex().toArray());
        require(cols, x, "x");
        String yCol = cols.contains(y) ? y : cols.contains(y + "_mean") ? y + "_mean" : null;
        if (yCol == null) {
            throw new UserException("No column " + y + " to plot (columns: " + cols + ")");
        }
        if (group != null) {
            require(cols, group, "group");
        }
        String base = yCol.endsWith("_mean") ? yCol.substring(0, yCol.length() - 5) : yCol;
        String err = cols.contains(base + "_ci95") ? base + "_ci95" : cols.contains(base + "_stddev") ? base + "_stddev" : null;

        XYChart chart = new XYChartBuilder().width(800).height(560).title(title).xAxisTitle(x)
                .yAxisTitle(err == null ? yCol : yCol + " (bars: " + err.substring(base.length() + 1) + ")").build();
        chart.getStyler().setLegendVisible(group != null);
        Map<String, Map<Double, List<double[]>>> lines = new TreeMap<>();
        for (int i = 0; i < df.height(); i++) {
            String line = group == null ? y : group + "=" + df.getColumn(group).get(i);
            double xv = number(df.getColumn(x).get(i), x);
            double yv = number(df.getColumn(yCol).get(i), yCol);
            double ev = err == null ? Double.NaN : number(df.getColumn(err).get(i), err);
            lines.computeIfAbsent(line, k -> new TreeMap<>()).computeIfAbsent(xv, k -> new ArrayList<>())
                    .add(new double[] {yv, ev});
        }
        if (lines.isEmpty()) {
            throw new UserException("No rows to plot");
        }
        for (Map.Entry<String, Map<Double, List<double[]>>> line : lines.entrySet()) {
            addLine(chart, line.getKey(), line.getValue());
        }
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserException("Can't write " + png + ": no directory " + parent);
        }
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    private static void addLine(XYChart chart, String name, Map<Double, List<double[]>> points) {
        int n = points.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] es = new double[n];
        boolean bars = false;
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
                es[i] = Double.isNaN(vs.get(0)[1]) ? 0 : vs.get(0)[1];
            }
            bars |= es[i] != 0;
            i++;
        }
        (bars ? chart.addSeries(name, xs, ys, es) : chart.addSeries(name, xs, ys)).setMarker(SeriesMarkers.CIRCLE);
    }

    private static void require(List<String> cols, String name, String what) {
        if (!cols.contains(name)) {
            throw new UserException("No column " + name + " for " + what + " (columns: " + cols + ")");
        }
    }

    private static double number(Object v, String column) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new UserException("Column " + column + " is not numeric (value " + v + ")");
    }
}
