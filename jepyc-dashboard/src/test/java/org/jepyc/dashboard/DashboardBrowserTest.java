package org.jepyc.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's page in a real headless Chromium: it loads, a campaign committing in another
 * process moves it without a reload, its filter narrows the table, failures show tracebacks,
 * and without the token nothing is served.
 */
@Tag("system")
class DashboardBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;
    static Browser browser;
    static Dashboard sample;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Browser.unavailable().isEmpty(), () -> "Skipped: " + Browser.unavailable().orElse(""));
        sample = Dashboard.builder().notebook(SampleNotebooks.write(dir.resolve("sample.json")))
                .pollInterval(Duration.ofMillis(100)).start();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (sample != null) {
                sample.close();
            }
        }
    }

    private static WebDriver open(Dashboard d) {
        WebDriver w = browser.driver();
        w.get(d.uri().toString());
        return w;
    }

    private static WebDriverWait waiting(WebDriver w) {
        return new WebDriverWait(w, WAIT, Duration.ofMillis(100));
    }

    private static String attribute(WebDriver w, String id, String name) {
        return w.findElement(By.id(id)).getAttribute(name);
    }

    @Test
    void thePageLoadsWithEverySetAndTheCurrentOneSelected() {
        WebDriver w = open(sample);
        waiting(w).until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-title"), "sums"));
        String sets = w.findElement(By.id("notebooks")).getText();
        assertThat(sets).contains("sample.json", "sample notebook", "sums", "summaries", "a plus b");
        assertThat(attribute(w, "progress-bar", "data-total")).isEqualTo("20");
        assertThat(attribute(w, "progress-bar", "data-failed")).isEqualTo("2");
        waiting(w).until(ExpectedConditions.attributeToBe(By.id("plot"), "data-points", "18"));
        assertThat(w.findElements(By.cssSelector("#rows tbody tr"))).hasSize(20);
    }

    @Test
    void aFilterNarrowsTheTable() {
        WebDriver w = open(sample);
        waiting(w).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#rows tbody tr"), 20));
        w.findElement(By.id("filter")).sendKeys("a>5, b=1");
        waiting(w).until(ExpectedConditions.attributeToBe(By.id("table-info"), "data-total", "4"));
        waiting(w).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#rows tbody tr"), 4));
        List<WebElement> headers = w.findElements(By.cssSelector("#rows thead th"));
        int a = headers.stream().map(WebElement::getText).toList().indexOf("a");
        for (WebElement row : w.findElements(By.cssSelector("#rows tbody tr"))) {
            long value = Long.parseLong(row.findElements(By.tagName("td")).get(a).getText());
            assertThat(value).isGreaterThan(5);
        }
    }

    @Test
    void aFailedRowShowsItsTraceback() {
        WebDriver w = open(sample);
        waiting(w).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#failures .failure"), 2));
        WebElement failure = w.findElement(By.cssSelector("#failures .failure"));
        assertThat(failure.findElement(By.tagName("summary")).getText()).contains("a=3").contains(SampleNotebooks.UNLUCKY_MESSAGE);
        WebElement traceback = failure.findElement(By.cssSelector("pre.traceback"));
        assertThat(traceback.isDisplayed()).isFalse();
        failure.findElement(By.tagName("summary")).click();
        waiting(w).until(ExpectedConditions.visibilityOf(traceback));
        assertThat(traceback.getText()).contains("IllegalStateException: " + SampleNotebooks.UNLUCKY_MESSAGE).contains("at ");
    }

    @Test
    void withoutTheTokenNothingIsServed() {
        WebDriver w = browser.driver();
        String base = "http://127.0.0.1:" + sample.address().getPort();
        w.get(sample.uri().toString());
        w.get(base + "/no-such-page");       // same site (so its cookies can be deleted), and no page asking for more
        assertThat(w.getPageSource()).contains("No such page");
        w.manage().deleteAllCookies();       // the page's cookie would carry the token
        for (String p : List.of("/", "/api/state", "/page/dashboard.js")) {
            w.get(base + p);
            assertThat(w.getPageSource()).as(p).contains("Forbidden").doesNotContain("sample notebook");
        }
        w.get(base + "/?token=not-the-token");
        assertThat(w.getPageSource()).contains("Forbidden");
    }

    @ParameterizedTest(name = "a {0} notebook")
    @ValueSource(strings = {"json", "h5"})
    void aCampaignInAnotherProcessAdvancesTheProgressAndThePlotWithoutAReload(String format) throws Exception {
        int points = 12;
        Path file = dir.resolve("campaign." + format);
        Path out = dir.resolve("child-" + format + ".out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CampaignChild.class.getName(), file.toString(), String.valueOf(points))
                .redirectOutput(out.toFile()).redirectError(dir.resolve("child-" + format + ".err").toFile()).start();
        try (OutputStream allow = child.getOutputStream()) {
            Deadline ready = new Deadline(WAIT);
            while (!Files.exists(out) || !Files.readString(out).contains("ready")) {
                assertThat(child.isAlive()).as("the campaign process is running").isTrue();
                ready.check("the campaign process to write its notebook");
            }
            try (Dashboard d = Dashboard.builder().notebook(file).pollInterval(Duration.ofMillis(100)).start()) {
                WebDriver w = open(d);
                waiting(w).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notebooks"), "a gated campaign"));
                // a page that reloaded would lose this mark
                browser.driver().executeScript("window.jepycMark = 'still the same page';");

                for (int done : new int[] {3, 7, points}) {
                    int before = Integer.parseInt(attribute(w, "progress-bar", "data-done"));
                    allow.write((done - before + "\n").getBytes(StandardCharsets.UTF_8));
                    allow.flush();
                    waiting(w).until(ExpectedConditions.attributeToBe(By.id("progress-bar"), "data-done", String.valueOf(done)));
                    assertThat(attribute(w, "progress-bar", "data-total")).isEqualTo(String.valueOf(points));
                    waiting(w).until(ExpectedConditions.attributeToBe(By.id("plot"), "data-points", String.valueOf(done)));
                    assertThat(w.findElement(By.id("progress-text")).getText()).contains(done + " done");
                }
                assertThat(browser.driver().executeScript("return window.jepycMark;")).isEqualTo("still the same page");
                assertThat(w.findElement(By.id("progress-text")).getText()).contains("0 left").contains("nothing left");
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the campaign finished").isTrue();
            assertThat(child.exitValue()).isZero();
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
