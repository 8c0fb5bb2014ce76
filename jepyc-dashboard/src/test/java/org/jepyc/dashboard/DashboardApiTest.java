package org.jepyc.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's server over HTTP: the token, and what its endpoints say of a sample notebook. */
class DashboardApiTest {
    @TempDir
    static Path dir;
    static Path file;
    static byte[] before;
    static Dashboard dashboard;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        file = SampleNotebooks.write(dir.resolve("sample.json"));
        before = Files.readAllBytes(file);
        dashboard = Dashboard.builder().notebook(file).pollInterval(Duration.ofMillis(50)).start();
        Deadline d = new Deadline(Duration.ofSeconds(30));
        while (get("/api/state").path("notebooks").path(0).path("version").asLong() < 1) {
            d.check("the notebook to be read");
        }
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    static String url(String path) {
        return "http://127.0.0.1:" + dashboard.address().getPort() + path;
    }

    static HttpResponse<String> raw(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode get(String path, String... params) throws IOException, InterruptedException {
        HttpResponse<String> r = raw(withToken(path, params));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static String withToken(String path, String... params) {
        List<String> q = new ArrayList<>();
        for (int i = 0; i < params.length; i += 2) {
            q.add(params[i] + "=" + URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        q.add("token=" + dashboard.token());
        return path + "?" + String.join("&", q);
    }

    @Test
    void everyRequestWithoutTheTokenIsRefused() throws Exception {
        for (String p : List.of("/", "/api/state", "/lib/chart.umd.min.js", "/page/dashboard.js", "/nothing")) {
            assertThat(raw(p).statusCode()).as(p).isEqualTo(403);
            assertThat(raw(p + "?token=" + "0".repeat(48)).statusCode()).as(p + " with a wrong token").isEqualTo(403);
        }
        HttpResponse<String> wrongCookie = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/state")))
                .header("Cookie", "jepyc-dashboard-" + dashboard.address().getPort() + "=nope").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongCookie.statusCode()).isEqualTo(403);
    }

    @Test
    void thePageSetsACookieThatCarriesTheTokenForItsFiles() throws Exception {
        HttpResponse<String> page = raw("/?token=" + dashboard.token());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>jepyc dashboard</title>");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        for (String p : List.of("/lib/chart.umd.min.js", "/page/dashboard.js", "/page/dashboard.css", "/api/state")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url(p))).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(p).isEqualTo(200);
        }
        assertThat(raw(withToken("/lib/chart.umd.min.js")).body()).contains("Chart.js");
    }

    @Test
    void theServerListensOnLoopbackOnly() {
        assertThat(dashboard.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(dashboard.uri().toString()).startsWith("http://127.0.0.1:").endsWith("?token=" + dashboard.token());
    }

    @Test
    void stateListsEverySetWithItsCountsAndProgress() throws Exception {
        JsonNode nb = get("/api/state").path("notebooks").path(0);
        assertThat(nb.path("description").asText()).isEqualTo("sample notebook");
        List<String> tags = new ArrayList<>();
        nb.path("sets").forEach(s -> tags.add(s.path("tag").asText()));
        assertThat(tags).containsExactlyInAnyOrder("epyc.resultset.default", "summaries", "sums");
        JsonNode sums = set(nb, "sums");
        assertThat(sums.path("current").asBoolean()).isTrue();
        assertThat(sums.path("description").asText()).isEqualTo("a plus b");
        assertThat(sums.path("rows").asInt()).isEqualTo(20);
        assertThat(sums.path("failures").asInt()).isEqualTo(2);            // a = 3 with b = 1 and 2
        assertThat(sums.path("pending").asInt()).isZero();
        JsonNode p = sums.path("progress");
        assertThat(p.path("total").asLong()).isEqualTo(20);
        assertThat(p.path("done").asLong()).isEqualTo(18);
        assertThat(p.path("failed").asLong()).isEqualTo(2);
        assertThat(p.path("left").asLong()).isZero();
        assertThat(sums.path("provenance").fieldNames()).toIterable().isNotEmpty()
                .allMatch(k -> k.startsWith("jepyc.provenance."));
        assertThat(sums.path("attributes").has("jepyc.campaign.points")).isTrue();
    }

    @Test
    void aFilterNarrowsTheTableAndASortOrdersIt() throws Exception {
        JsonNode all = get("/api/table", "nb", "0", "set", "sums", "limit", "5");
        assertThat(all.path("total").asInt()).isEqualTo(20);
        assertThat(all.path("rows")).hasSize(5);
        JsonNode some = get("/api/table", "nb", "0", "set", "sums", "filter", "a>5", "sort", "total", "desc", "true");
        assertThat(some.path("total").asInt()).isEqualTo(8);                // a in 6..9, b in 1..2
        int total = columns(some).indexOf("total");
        assertThat(some.path("rows").path(0).path(total).asLong()).isEqualTo(9 + 2);
        JsonNode both = get("/api/table", "nb", "0", "set", "sums", "filter", "a>5, b=1");
        assertThat(both.path("total").asInt()).isEqualTo(4);
        JsonNode text = get("/api/table", "nb", "0", "set", "sums", "filter", "unlucky");
        assertThat(text.path("total").asInt()).isEqualTo(2);
        JsonNode page2 = get("/api/table", "nb", "0", "set", "sums", "sort", "a", "offset", "18", "limit", "10");
        assertThat(page2.path("rows")).hasSize(2);
        assertThat(page2.path("rows").path(0).path(columns(page2).indexOf("a")).asLong()).isEqualTo(9);
    }

    @Test
    void failedRowsComeWithTheirTraceback() throws Exception {
        JsonNode f = get("/api/failures", "nb", "0", "set", "sums");
        assertThat(f.path("total").asInt()).isEqualTo(2);
        for (JsonNode x : f.path("failures")) {
            assertThat(x.path("parameters").path("a").asLong()).isEqualTo(SampleNotebooks.UNLUCKY);
            assertThat(x.path("exception").asText()).contains(SampleNotebooks.UNLUCKY_MESSAGE);
            assertThat(x.path("traceback").asText()).contains("IllegalStateException").contains("\tat ");
        }
    }

    @Test
    void plotsGroupLinesAndTakeErrorBarsFromSummaries() throws Exception {
        JsonNode p = get("/api/plot", "nb", "0", "set", "sums", "x", "a", "y", "total", "group", "b");
        assertThat(p.path("lines")).hasSize(2);
        assertThat(p.path("points").asInt()).isEqualTo(18);                 // 9 successful a for each b
        JsonNode s = get("/api/plot", "nb", "0", "set", "summaries", "x", "a", "y", "noisy", "group", "b");
        assertThat(s.path("y").asText()).isEqualTo("noisy_mean");
        assertThat(s.path("error").asText()).isEqualTo("noisy_ci95");
        assertThat(s.path("points").asInt()).isEqualTo(5 * 2);
        // each repetition adds a random number in [0, 0.2) to a: so does the mean of three
        for (JsonNode pt : s.path("lines").path(0).path("points")) {
            assertThat(pt.path(1).asDouble()).isBetween(pt.path(0).asDouble(), pt.path(0).asDouble() + 0.2);
            assertThat(pt.path(2).asDouble()).isPositive();
        }
    }

    @Test
    void badRequestsSayWhatIsWrong() throws Exception {
        HttpResponse<String> r = raw(withToken("/api/table", "nb", "0", "set", "sums", "filter", "a>x"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("a>x").contains("not");
        assertThat(raw(withToken("/api/table", "nb", "0", "set", "nope")).statusCode()).isEqualTo(404);
        assertThat(raw(withToken("/api/plot", "nb", "0", "set", "sums", "x", "zz", "y", "total")).body()).contains("zz");
        assertThat(raw(withToken("/api/table", "nb", "0", "set", "sums", "sort", "zz")).statusCode()).isEqualTo(400);
    }

    @Test
    void readingLeavesTheNotebookUntouched() throws Exception {
        get("/api/table", "nb", "0", "set", "sums", "sort", "ratio");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var s = Files.list(dir)) {
            assertThat(s.map(x -> x.getFileName().toString())).containsExactly("sample.json");
        }
    }

    private static JsonNode set(JsonNode nb, String tag) {
        for (JsonNode s : nb.path("sets")) {
            if (s.path("tag").asText().equals(tag)) {
                return s;
            }
        }
        throw new AssertionError("no set " + tag);
    }

    private static List<String> columns(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("columns").forEach(c -> out.add(c.asText()));
        return out;
    }
}
