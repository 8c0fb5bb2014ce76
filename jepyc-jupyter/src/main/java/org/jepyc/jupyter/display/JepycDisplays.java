package org.jepyc.jupyter.display;

import java.util.List;

import org.dflib.DataFrame;
import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.jepyc.ResultSet;
import org.jepyc.jupyter.HtmlTable;
import org.jepyc.jupyter.LabStatus;
import org.jepyc.jupyter.NotebookSummary;
import org.jepyc.jupyter.ProgressLine;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;

/**
 * How jepyc's values show in the rapaio kernel, found by it through {@code ServiceLoader}: data
 * frames, result sets and tables as HTML tables, notebooks as their list of result sets, labs as
 * their status, progress as a bar, XChart charts as pictures.
 */
public final class JepycDisplays implements DisplayProvider {

    /** Made by the kernel's service loader. */
    public JepycDisplays() {
    }

    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return List.of(
                new HtmlRenderer<>(HtmlTable.class, HtmlTable::toHtml, HtmlTable::summary),
                new HtmlRenderer<>(DataFrame.class, df -> HtmlTable.of(df).toHtml(), df -> HtmlTable.of(df).summary()),
                new HtmlRenderer<>(ResultSet.class, rs -> HtmlTable.of(rs).toHtml(), rs -> HtmlTable.of(rs).summary()),
                new HtmlRenderer<>(LabNotebook.class, nb -> NotebookSummary.of(nb).toHtml(), nb -> NotebookSummary.of(nb).text()),
                new HtmlRenderer<>(Lab.class, lab -> LabStatus.of(lab).toHtml(), lab -> LabStatus.of(lab).text()),
                new HtmlRenderer<>(LabStatus.class, LabStatus::toHtml, LabStatus::text),
                new HtmlRenderer<>(NotebookSummary.class, NotebookSummary::toHtml, NotebookSummary::text),
                new HtmlRenderer<>(ProgressLine.class, ProgressLine::toHtml, ProgressLine::text),
                new ChartRenderer());
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of();
    }
}
