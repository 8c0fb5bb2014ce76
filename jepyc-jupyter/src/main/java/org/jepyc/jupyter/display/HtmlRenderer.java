package org.jepyc.jupyter.display;

import java.util.function.Function;

import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;

/**
 * Renders one type as HTML, with a text form beside it for front ends that show only text.
 *
 * @param <T> the type rendered
 */
final class HtmlRenderer<T> implements DisplayRenderer {
    private final Class<T> type;
    private final Function<T, String> html;
    private final Function<T, String> text;

    /**
     * @param type what it renders (and its subclasses)
     * @param html the HTML form
     * @param text the text form
     */
    HtmlRenderer(Class<T> type, Function<T, String> html, Function<T, String> text) {
        this.type = type;
        this.html = html;
        this.text = text;
    }

    @Override
    public Class<?> rendererClass() {
        return type;
    }

    @Override
    public boolean canRender(String mime) {
        // no MIME type asked for means the kernel's default, which is HTML
        return mime == null || mime.isBlank() || mime.equals("html") || mime.equals("text/html")
                || mime.equals("text") || mime.equals("text/plain");
    }

    @Override
    public DisplayData render(String mime, Object o) {
        T value = type.cast(o);
        if (mime != null && (mime.equals("text") || mime.equals("text/plain"))) {
            return DisplayData.fromText(text.apply(value));
        }
        DisplayData dd = DisplayData.fromHtml(html.apply(value));
        dd.putText(text.apply(value));
        return dd;
    }
}
