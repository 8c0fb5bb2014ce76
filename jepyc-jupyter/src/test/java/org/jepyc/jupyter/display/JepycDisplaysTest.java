package org.jepyc.jupyter.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.jepyc.Experiment;
import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;

class JepycDisplaysTest {

    private static DisplayData render(Object o, String mime) {
        for (DisplayRenderer r : new JepycDisplays().getDisplayRenderers()) {
            if (r.rendererClass().isInstance(o) && r.canRender(mime)) {
                return r.render(mime, o);
            }
        }
        throw new AssertionError("no renderer for " + o.getClass());
    }

    @Test
    void theKernelFindsTheProviderThroughItsServiceLoader() {
        assertThat(ServiceLoader.load(DisplayProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(JepycDisplays.class);
    }

    @Test
    void framesResultSetsNotebooksAndLabsShowAsHtmlWithATextForm() {
        LabNotebook nb = new LabNotebook("nb", "rendered");
        Lab lab = new Lab(nb);
        lab.put("a", List.of(1, 2));
        lab.runExperiment(Experiment.of(p -> Map.of("b", 1)));
        for (Object o : List.of(nb.dataframe(), nb.current(), nb, lab)) {
            DisplayData dd = render(o, null);
            assertThat(dd.data()).as(o.getClass().getName()).containsKeys("text/html", "text/plain");
        }
        assertThat((String) render(nb.dataframe(), null).data().get("text/html")).contains("<th>a</th><th>b</th>");
        assertThat((String) render(lab, null).data().get("text/html")).contains("2 results, 0 pending, 100% ready");
        assertThat(render(nb, "text").data()).containsOnlyKeys("text/plain");
    }

    @Test
    void aChartShowsAsAPngPicture() {
        XYChart chart = new XYChartBuilder().width(200).height(150).title("t").build();
        chart.addSeries("s", new double[] {1, 2, 3}, new double[] {1, 4, 9});
        DisplayData dd = render(chart, null);
        byte[] png = Base64.getDecoder().decode((String) dd.data().get("image/png"));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
}
