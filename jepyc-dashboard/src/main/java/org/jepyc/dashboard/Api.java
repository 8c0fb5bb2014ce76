package org.jepyc.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jepyc.cluster.client.ClusterStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page's JSON endpoints, all answered from what the watches hold in memory:
 * <ul>
 * <li>{@code /api/state}: every notebook's sets with their progress, and the cluster's status;</li>
 * <li>{@code /api/table?nb=&set=&sort=&desc=&filter=&failed=&offset=&limit=}: one page of rows;</li>
 * <li>{@code /api/failures?nb=&set=&offset=&limit=}: failed rows with exception and traceback;</li>
 * <li>{@code /api/plot?nb=&set=&x=&y=&group=}: a plot's lines.</li>
 * </ul>
 * A bad parameter gets 400 and a missing notebook or set 404, with {@code {"error": ...}}.
 */
final class Api implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Api.class);
    private static final int MAX_PAGE = 1000;

    private final List<NotebookWatch> notebooks;
    private final Supplier<ClusterWatch.View> cluster;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param notebooks the notebooks, in the order the page lists them
     * @param cluster   the cluster's latest status, or a supplier of null when there is none
     */
    Api(List<NotebookWatch> notebooks, Supplier<ClusterWatch.View> cluster) {
        this.notebooks = notebooks;
        this.cluster = cluster;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        int status = 200;
        Object body;
        try {
            body = switch (ex.getRequestURI().getPath()) {
                case "/api/state" -> state();
                case "/api/table" -> table(q);
                case "/api/failures" -> failures(q);
                case "/api/plot" -> plot(q);
                default -> throw new NoSuchElementException("No endpoint " + ex.getRequestURI().getPath());
            };
        } catch (IllegalArgumentException e) {
            status = 400;
            body = Map.of("error", String.valueOf(e.getMessage()));
        } catch (NoSuchElementException e) {
            status = 404;
            body = Map.of("error", String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("Dashboard request {} failed", ex.getRequestURI().getPath(), e);
            status = 500;
            body = Map.of("error", String.valueOf(e));
        }
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Map<String, Object> state() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> nbs = new ArrayList<>();
        for (int i = 0; i < notebooks.size(); i++) {
            NotebookView v = notebooks.get(i).view();
            Map<String, Object> nb = new LinkedHashMap<>();
            nb.put("index", i);
            nb.put("file", v.file().toString());
            nb.put("description", v.description());
            nb.put("version", v.version());
            nb.put("readAt", v.readAt() == null ? null : v.readAt().toString());
            nb.put("error", v.error());
            List<Object> sets = new ArrayList<>();
            for (SetView s : v.sets()) {
                sets.add(set(s));
            }
            nb.put("sets", sets);
            nbs.add(nb);
        }
        out.put("notebooks", nbs);
        ClusterWatch.View c = cluster.get();
        out.put("cluster", c == null ? null : cluster(c));
        return out;
    }

    private static Map<String, Object> set(SetView s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag", s.tag());
        m.put("description", s.description());
        m.put("current", s.current());
        m.put("locked", s.locked());
        m.put("rows", s.size());
        m.put("failures", s.failures());
        m.put("pending", s.pending());
        m.put("attributes", s.attributes());
        m.put("provenance", s.provenance());
        m.put("parameters", s.parameters());
        m.put("distinct", s.distinct());
        m.put("results", s.results());
        m.put("columns", s.rows().columns());
        CampaignProgress p = s.progress();
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("total", p.total());
        pm.put("done", p.done());
        pm.put("failed", p.failed());
        pm.put("pending", p.pending());
        pm.put("left", p.left());
        pm.put("pointsPerSecond", Cells.json(p.pointsPerSecond()));
        pm.put("secondsLeft", Cells.json(p.secondsLeft()));
        pm.put("lastResult", p.lastResult() == null ? null : Cells.text(p.lastResult()));
        // end times are the local time of the machine that ran the point: compared with this one's
        pm.put("secondsSinceLastResult", p.lastResult() == null ? null
                : Duration.between(p.lastResult(), LocalDateTime.now()).toMillis() / 1000.0);
        m.put("progress", pm);
        return m;
    }

    private static Map<String, Object> cluster(ClusterWatch.View c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("connectionFile", c.connectionFile().toString());
        m.put("checkedAt", c.checkedAt() == null ? null : c.checkedAt().toString());
        m.put("error", c.error());
        ClusterStatus s = c.status();
        if (s != null) {
            m.put("members", s.members());
            m.put("engines", s.engines());
            m.put("queuedBatches", s.queuedBatches());
            m.put("queuedPoints", s.queuedPoints());
            m.put("runningBatches", s.runningBatches());
            m.put("runningPoints", s.runningPoints());
            m.put("finishedBatches", s.finishedBatches());
            // the share of the cluster's engines busy with a point
            m.put("load", s.engines() == 0 ? 0.0 : Math.min(1.0, (double) s.runningPoints() / s.engines()));
        }
        return m;
    }

    private Map<String, Object> table(Map<String, String> q) {
        NotebookView nb = notebook(q);
        SetView s = set(nb, q);
        TableRows.Page p = s.rows().page(blankToNull(q.get("sort")), "true".equals(q.get("desc")), q.get("filter"),
                "true".equals(q.get("failed")), number(q, "offset", 0, Integer.MAX_VALUE), number(q, "limit", 50, MAX_PAGE));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", nb.version());
        m.put("total", p.total());
        m.put("offset", p.offset());
        m.put("columns", p.columns());
        m.put("rowIds", p.rowIds());
        m.put("rows", p.cells());
        return m;
    }

    private Map<String, Object> failures(Map<String, String> q) {
        NotebookView nb = notebook(q);
        SetView s = set(nb, q);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", nb.version());
        m.put("total", s.failures());
        m.put("failures", s.rows().failures(s.parameters(), number(q, "offset", 0, Integer.MAX_VALUE),
                number(q, "limit", 20, MAX_PAGE)));
        return m;
    }

    private Map<String, Object> plot(Map<String, String> q) {
        NotebookView nb = notebook(q);
        SetView s = set(nb, q);
        String x = required(q, "x");
        String y = required(q, "y");
        PlotData p = s.plots().plot(x, y, blankToNull(q.get("group")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", nb.version());
        m.put("x", p.x());
        m.put("y", p.y());
        m.put("error", p.error());
        m.put("group", p.group());
        m.put("points", p.points());
        m.put("groups", p.groups());
        List<Object> lines = new ArrayList<>();
        for (PlotData.Line l : p.lines()) {
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < l.xs().length; i++) {
                pts.add(new double[] {l.xs()[i], l.ys()[i], l.bars()[i]});
            }
            lines.add(Map.of("name", l.name(), "points", pts));
        }
        m.put("lines", lines);
        return m;
    }

    private NotebookView notebook(Map<String, String> q) {
        int i = number(q, "nb", 0, Integer.MAX_VALUE);
        if (i >= notebooks.size()) {
            throw new NoSuchElementException("No notebook " + i + " (the dashboard shows " + notebooks.size() + ")");
        }
        return notebooks.get(i).view();
    }

    private static SetView set(NotebookView nb, Map<String, String> q) {
        String tag = required(q, "set");
        return nb.set(tag).orElseThrow(() -> new NoSuchElementException("No result set " + tag + " in " + nb.file()));
    }

    private static String required(Map<String, String> q, String name) {
        String v = q.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("Parameter " + name + " is missing");
        }
        return v;
    }

    private static int number(Map<String, String> q, String name, int dflt, int max) {
        String v = q.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.min(n, max);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Parameter " + name + "=" + v + " is not a non-negative whole number");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                q.put(k, v);
            }
        }
        return q;
    }
}
