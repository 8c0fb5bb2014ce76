package org.jepyc.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Serves the page and the chart library from the class path: a fixed list of files, so no
 * request path ever reaches the file system. The chart library comes from its WebJar, so the
 * page works with no internet access.
 */
final class PageFiles implements HttpHandler {
    private static final String PAGE = "/org/jepyc/dashboard/page/";
    private final Map<String, String[]> files;

    PageFiles() {
        String chartJs = "/META-INF/resources/webjars/chart.js/" + chartJsVersion() + "/dist/chart.umd.min.js";
        files = Map.of(
                "/", new String[] {PAGE + "index.html", "text/html; charset=utf-8"},
                "/page/dashboard.js", new String[] {PAGE + "dashboard.js", "text/javascript; charset=utf-8"},
                "/page/dashboard.css", new String[] {PAGE + "dashboard.css", "text/css; charset=utf-8"},
                "/lib/chart.umd.min.js", new String[] {chartJs, "text/javascript; charset=utf-8"});
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String[] file = files.get(ex.getRequestURI().getPath());
        byte[] body;
        if (file == null) {
            body = ("No such page: " + ex.getRequestURI().getPath() + "\n").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            ex.sendResponseHeaders(404, body.length);
        } else {
            try (InputStream in = PageFiles.class.getResourceAsStream(file[0])) {
                if (in == null) {
                    throw new IOException("The dashboard's build lacks " + file[0]);
                }
                body = in.readAllBytes();
            }
            ex.getResponseHeaders().set("Content-Type", file[1]);
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, ex.getRequestMethod().equals("HEAD") ? -1 : body.length);
        }
        try (OutputStream out = ex.getResponseBody()) {
            if (!ex.getRequestMethod().equals("HEAD")) {
                out.write(body);
            }
        }
    }

    private static String chartJsVersion() {
        Properties p = new Properties();
        try (InputStream in = PageFiles.class.getResourceAsStream("/org/jepyc/dashboard/dashboard.properties")) {
            if (in == null) {
                throw new IllegalStateException("The dashboard's build lacks dashboard.properties");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("chartjs.version");
    }
}
