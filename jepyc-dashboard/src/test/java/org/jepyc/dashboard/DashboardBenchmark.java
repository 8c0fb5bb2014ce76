package org.jepyc.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.jepyc.Experiment;
import org.jepyc.Lab;
import org.jepyc.OpenMode;
import org.jepyc.hdf5.Hdf5LabNotebook;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Figures for the dashboard on a notebook of a million rows (1000 x 1000 points, one in a
 * thousand failed): reading it into memory, the page's first load (the requests the page makes,
 * and in headless Chromium until the table and the plot are drawn), and one table page unsorted,
 * sorted and filtered, first (computing the order) and again (cached).
 *
 * <p>Run: {@code java -cp <test class path> org.jepyc.dashboard.DashboardBenchmark [dir]}
 */
public final class DashboardBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DashboardBenchmark() { }

    /** @param args [directory for the notebook] (default: a temporary directory) */
    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("jepyc-dashboard-bench");
        Path file = dir.resolve("1m.h5");
        if (!Files.exists(file)) {
            long t0 = System.nanoTime();
            try (Hdf5LabNotebook nb = new Hdf5LabNotebook(file, OpenMode.OVERWRITE, "a million rows")) {
                Lab lab = new Lab(nb);
                lab.put("a", LongStream.range(0, 1000)).put("b", LongStream.range(0, 1000));
                lab.runExperiment(Experiment.of(p -> {
                    long a = (Long) p.get("a");
                    long b = (Long) p.get("b");
                    if (b == 7) {
                        throw new IllegalArgumentException("one in a thousand fails");
                    }
                    return Map.of("total", a + b, "ratio", (a + 1.0) / (b + 1.0));
                }));
            }
            System.out.printf("wrote %s: %.1f s, %.1f MB%n", file, (System.nanoTime() - t0) / 1e9, Files.size(file) / 1e6);
        }
        long t0 = System.nanoTime();
        try (Dashboard d = Dashboard.builder().notebook(file).pollInterval(Duration.ofMillis(20)).start()) {
            String base = "http://127.0.0.1:" + d.address().getPort();
            String tok = "token=" + d.token();
            while (!get(base + "/api/state?" + tok).contains("\"version\":1")) {
                Thread.sleep(20);      // pacing the wait for the first reading
            }
            System.out.printf("notebook read into memory (1,000,000 rows): %.2f s%n", (System.nanoTime() - t0) / 1e9);
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.out.printf("heap in use with it loaded: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);

            String set = "&nb=0&set=epyc.resultset.default";
            List<String> firstLoad = List.of("/?" + tok, "/page/dashboard.js?" + tok, "/page/dashboard.css?" + tok,
                    "/lib/chart.umd.min.js?" + tok, "/api/state?" + tok, "/api/table?" + tok + set + "&limit=50",
                    "/api/plot?" + tok + set + "&x=a&y=total", "/api/failures?" + tok + set + "&limit=20");
            for (int round = 0; round < 3; round++) {
                long f0 = System.nanoTime();
                for (String p : firstLoad) {
                    get(base + p);
                }
                System.out.printf("first page load, the page's %d requests one after another: %.0f ms%n",
                        firstLoad.size(), (System.nanoTime() - f0) / 1e6);
            }
            long g0 = System.nanoTime();
            get(base + "/api/plot?" + tok + set + "&x=b&y=ratio&group=a");
            System.out.printf("plot of ratio against b grouped by a (1000 groups, 20 drawn): %.0f ms%n", (System.nanoTime() - g0) / 1e6);
            time(base, "table page 50 rows at offset 500,000, notebook order", tok + set + "&offset=500000&limit=50");
            time(base, "table page sorted by ratio descending", tok + set + "&sort=ratio&desc=true&offset=500000&limit=50");
            time(base, "table page sorted by total", tok + set + "&sort=total&offset=10000&limit=50");
            time(base, "table page filtered a>500, b<100", tok + set + "&filter=a%3E500%2C%20b%3C100&offset=1000&limit=50");
            time(base, "table page filtered by text 'thousand'", tok + set + "&filter=thousand&limit=50");
            if (Browser.unavailable().isEmpty()) {
                try (Browser b = new Browser()) {
                    for (int round = 0; round < 3; round++) {
                        WebDriver w = b.driver();
                        w.manage().deleteAllCookies();
                        long p0 = System.nanoTime();
                        w.get(d.uri().toString());
                        new WebDriverWait(w, Duration.ofSeconds(120), Duration.ofMillis(10))
                                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#rows tbody tr"), 50));
                        new WebDriverWait(w, Duration.ofSeconds(120), Duration.ofMillis(10))
                                .until(x -> !"0".equals(x.findElement(By.id("plot")).getAttribute("data-points")));
                        System.out.printf("first page load in headless Chromium, until table and plot are drawn: %.0f ms%n",
                                (System.nanoTime() - p0) / 1e6);
                    }
                }
            } else {
                System.out.println("no chromium: browser figures skipped");
            }
        }
    }

    private static void time(String base, String what, String query) throws Exception {
        long[] ns = new long[5];
        for (int k = 0; k < ns.length; k++) {
            long t0 = System.nanoTime();
            get(base + "/api/table?" + query);
            ns[k] = System.nanoTime() - t0;
        }
        long first = ns[0];
        Arrays.sort(ns, 1, ns.length);
        System.out.printf("%s: first %.1f ms, then median %.1f ms%n", what, first / 1e6, ns[3] / 1e6);
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
