package org.jepyc.cli;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import org.dflib.DataFrame;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a result column against a parameter, one series per value of a grouping parameter, as
 * a figure fit to publish: every series in one colour, its error bars included; tick labels
 * with as many decimals as the axis' range needs, the same on every tick; group values in the
 * legend with as many decimals as tell them apart. Up to {@link #MAX_LEGEND} groups get a
 * legend entry each; more numeric groups are coloured along a scale (dark blue for the least,
 * yellow for the greatest) whose legend shows a few of them. Error bars come from the summary
 * companions of the y column ({@code _ci95}, else {@code _stddev}); when several rows share an x
 * (raw repetitions), their mean is drawn with the sample standard deviation as the error bar.
 */
final class Plotter {
    /** The most groups that each get a legend entry. */
    static final int MAX_LEGEND = 10;
    /** The formats written, each also the file extension it is known by. */
    static final List<String> FORMATS = List.of("png", "svg", "pdf");

    /** How points are drawn. */
    enum Style { line, points, both }

    /** Ten colours told apart also by colour-blind readers (Matplotlib's "tab10"). */
    private static final Color[] CATEGORICAL = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};
    /** Viridis, sampled: perceptually even from dark to light, so order reads as order. */
    private static final Color[] SCALE = {new Color(0x440154), new Color(0x482878), new Color(0x3e4989),
        new Color(0x31688e), new Color(0x26828e), new Color(0x1f9e89), new Color(0x35b779), new Color(0x6ece58),
        new Color(0xb5de2b), new Color(0xfde725)};

    private Plotter() { }

    /**
     * @param df    the rows (successful ones)
     * @param x     the parameter on the x axis
     * @param y     the result on the y axis (a summarised {@code k} means {@code k_mean})
     * @param group a parameter to draw one series per value of, or null
     * @param title the chart's title
     * @param style how points are drawn
     * @return the chart
     * @throws UserException if a column is missing or not numeric, or there is nothing to draw
     */
    static XYChart chart(DataFrame df, String x, String y, String group, String title, Style style) {
        List<String> cols = List.of(df.getColumnsIndex().toArray());
        require(cols, x, "--x");
        String yCol = cols.contains(y) ? y : cols.contains(y + "_mean") ? y + "_mean" : null;
        if (yCol == null) {
            throw new UserException("No column " + y + " for --y (columns: " + cols + ")");
        }
        if (group != null) {
            require(cols, group, "--group");
        }
        String base = yCol.endsWith("_mean") ? yCol.substring(0, yCol.length() - 5) : yCol;
        String err = cols.contains(base + "_ci95") ? base + "_ci95" : cols.contains(base + "_stddev") ? base + "_stddev" : null;

        // group value -> x -> (y, error) of every row there
        Map<Object, Map<Double, List<double[]>>> lines = new TreeMap<>(Plotter::compareValues);
        for (int i = 0; i < df.height(); i++) {
            Object key = group == null ? y : df.getColumn(group).get(i);
            double xv = number(df.getColumn(x).get(i), x);
            double yv = number(df.getColumn(yCol).get(i), yCol);
            double ev = err == null ? Double.NaN : number(df.getColumn(err).get(i), err);
            lines.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(xv, k -> new ArrayList<>())
                    .add(new double[] {yv, ev});
        }
        if (lines.isEmpty()) {
            throw new UserException("No successful rows to plot");
        }

        XYChart chart = new XYChartBuilder().width(800).height(560).title(title == null ? "" : title).xAxisTitle(x)
                .yAxisTitle(err == null ? yCol : yCol + " (bars: " + err.substring(base.length() + 1) + ")").build();
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setLegendVisible(group != null);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xe0e0e0));
        chart.getStyler().setMarkerSize(style == Style.points ? 5 : 6);

        List<Object> keys = new ArrayList<>(lines.keySet());
        boolean scale = keys.size() > MAX_LEGEND && keys.stream().allMatch(k -> k instanceof Number);
        Function<Object, String> label = labels(keys);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            Object key = keys.get(k);
            String name = group == null ? yCol : group + " = " + label.apply(key);
            Color c = scale ? SCALE[(int) Math.round(k * (SCALE.length - 1.0) / (keys.size() - 1))]
                    : CATEGORICAL[k % CATEGORICAL.length];
            XYSeries s = addSeries(chart, name, lines.get(key), xs, ys);
            s.setLineColor(c);
            s.setMarkerColor(c);
            s.setFillColor(c);
            s.setXYSeriesRenderStyle(style == Style.points ? XYSeries.XYSeriesRenderStyle.Scatter
                    : XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(style == Style.line ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            s.setLineStyle(SeriesLines.SOLID);      // colour tells the series apart; dashes only add noise
            if (keys.size() > MAX_LEGEND) {
                s.setShowInLegend(legendEntry(k, keys.size()));
            }
        }
        chart.getStyler().setXAxisTickLabelsFormattingFunction(tickFormat(xs, new java.util.TreeSet<>(xs)));
        chart.getStyler().setYAxisTickLabelsFormattingFunction(tickFormat(ys));
        return chart;
    }

    /** With many groups, about six legend entries spread evenly over them, the first and last included. */
    private static boolean legendEntry(int k, int n) {
        int step = (int) Math.ceil((n - 1) / 5.0);
        return k == n - 1 || (k % step == 0 && n - 1 - k >= step / 2);
    }

    /**
     * @param chart  the chart
     * @param format png, svg or pdf
     * @param out    where to write it
     * @throws IOException if it cannot be written
     */
    static void write(XYChart chart, String format, OutputStream out) throws IOException {
        switch (format) {
            case "png" -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            case "svg" -> VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            case "pdf" -> pdf(chart, out);
            default -> throw new IllegalArgumentException("Not a plot format: " + format);
        }
    }

    /** XChart writes PDF through PDFBox; VectorGraphics2D, which it uses for SVG already, writes PDF as well. */
    private static void pdf(XYChart chart, OutputStream out) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        Processors.get("pdf").getDocument(g.getCommands(), new PageSize(0, 0, chart.getWidth(), chart.getHeight()))
                .writeTo(out);
    }

    private static XYSeries addSeries(XYChart chart, String name, Map<Double, List<double[]>> points,
                                      List<Double> allX, List<Double> allY) {
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
            allX.add(xs[i]);
            allY.add(ys[i] - es[i]);
            allY.add(ys[i] + es[i]);
            i++;
        }
        return bars ? chart.addSeries(name, xs, ys, es) : chart.addSeries(name, xs, ys);
    }

    /**
     * Tick labels with one number of decimals for the whole axis: enough for a twentieth of the
     * range (ticks are about that far apart), in scientific notation for very large or small
     * magnitudes.
     */
    static Function<Double, String> tickFormat(List<Double> values) {
        return tickFormat(values, new java.util.TreeSet<>());
    }

    /**
     * As {@link #tickFormat(List)}, for an axis whose data points are known: when they are
     * equally spaced, XChart puts the ticks on data points (every one, or every n-th), so they
     * are written with the data's own decimals (1, 2, 3 rather than 1.0, 2.0, 3.0), and a tick
     * between them, should one appear, with the decimals the range needs.
     *
     * @param values the axis' extent (every value drawn, error bars included)
     * @param points the distinct data points along the axis, in order
     * @return the tick format
     */
    static Function<Double, String> tickFormat(List<Double> values, java.util.SortedSet<Double> points) {
        Function<Double, String> byRange = tickFormatByRange(values);
        if (!equallySpaced(points)) {
            return byRange;
        }
        List<Double> data = new ArrayList<>(points);
        for (int d = 0; d <= 12; d++) {
            if (exact(data, d)) {
                int decimals = d;
                return v -> exact(List.of(v), decimals)
                        ? BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString() : byRange.apply(v);
            }
        }
        return byRange;
    }

    /** XChart's test for ticks on the data: at least two points, spaced alike to within 1e-4 (its tolerance). */
    private static boolean equallySpaced(java.util.SortedSet<Double> points) {
        if (points.size() < 2 || points.last() - points.first() < 1e-4) {
            return false;
        }
        Double[] p = points.toArray(new Double[0]);
        double step = p[1] - p[0];
        for (int i = 2; i < p.length; i++) {
            if (Math.abs(p[i] - p[i - 1] - step) >= 1e-4) {
                return false;
            }
        }
        return true;
    }

    private static Function<Double, String> tickFormatByRange(List<Double> values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double magnitude = Math.max(Math.abs(min), Math.abs(max));
        if (!Double.isFinite(magnitude) || magnitude == 0) {
            return v -> trim(BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_EVEN));
        }
        double range = max - min > 0 ? max - min : magnitude;
        if (magnitude >= 1e6 || magnitude < 1e-3) {
            int digits = Math.max(1, (int) Math.ceil(Math.log10(magnitude / range)) + 1);
            String pattern = "%." + digits + "e";
            return v -> v == 0 ? "0" : String.format(Locale.ROOT, pattern, v);
        }
        // XChart puts at most about twenty ticks on an axis, so a twentieth of the range needs showing
        int decimals = Math.max(0, -(int) Math.floor(Math.log10(range / 20)));
        return v -> BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String trim(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /**
     * Group values as text, with one number of decimals for all: as many as the values have
     * (0.25 stays 0.25), or, for values with more digits than anyone reads (a random
     * 0.43332312463307493), three significant digits and as many more as tell every two apart.
     */
    static Function<Object, String> labels(List<Object> keys) {
        List<Double> nums = new ArrayList<>();
        for (Object k : keys) {
            if (k instanceof Double d && Double.isFinite(d)) {
                nums.add(d);
            }
        }
        int decimals = 0;
        if (!nums.isEmpty()) {
            double magnitude = Math.max(nums.stream().mapToDouble(Math::abs).max().orElse(1), 1e-300);
            int leading = (int) Math.floor(Math.log10(magnitude));
            int readable = Math.max(0, 2 - leading);       // three significant digits
            int most = Math.max(0, 5 - leading);            // six
            decimals = -1;
            for (int d = 0; d <= most && decimals < 0; d++) {
                if (exact(nums, d)) {
                    decimals = d;
                }
            }
            if (decimals < 0) {
                decimals = readable;
                while (decimals < most && !distinct(nums, decimals)) {
                    decimals++;
                }
            }
        }
        int d = decimals;
        Map<Object, String> memo = new LinkedHashMap<>();
        return k -> memo.computeIfAbsent(k, v -> v instanceof Double x && Double.isFinite(x)
                ? BigDecimal.valueOf(x).setScale(d, RoundingMode.HALF_EVEN).toPlainString() : String.valueOf(v));
    }

    private static boolean exact(List<Double> values, int decimals) {
        for (double v : values) {
            double r = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
            if (Math.abs(r - v) > 1e-9 * Math.max(1, Math.abs(v))) {
                return false;
            }
        }
        return true;
    }

    private static boolean distinct(List<Double> sorted, int decimals) {
        BigDecimal prev = null;
        for (double v : sorted) {
            BigDecimal r = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN);
            if (prev != null && r.compareTo(prev) == 0) {
                return false;
            }
            prev = r;
        }
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static void require(List<String> cols, String name, String option) {
        if (!cols.contains(name)) {
            throw new UserException("No column " + name + " for " + option + " (columns: " + cols + ")");
        }
    }

    private static double number(Object v, String column) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new UserException("Column " + column + " is not numeric (value " + v + "): plot a numeric column");
    }
}
