package org.jepyc.jupyter.display;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;

/** Renders an XChart chart inline as a PNG picture. */
final class ChartRenderer implements DisplayRenderer {

    @Override
    public Class<?> rendererClass() {
        return Chart.class;
    }

    @Override
    public boolean canRender(String mime) {
        return mime == null || mime.isBlank() || mime.equals("png") || mime.equals("image/png");
    }

    @Override
    public DisplayData render(String mime, Object o) {
        Chart<?, ?> chart = (Chart<?, ?>) o;
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            DisplayData dd = DisplayData.withType("image/png", Base64.getEncoder().encodeToString(png));
            dd.putText(chart.getTitle() == null || chart.getTitle().isBlank() ? "chart" : "chart: " + chart.getTitle());
            return dd;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot draw the chart as PNG: " + e.getMessage(), e);
        }
    }
}
