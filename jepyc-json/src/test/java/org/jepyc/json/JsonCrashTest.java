package org.jepyc.json;

import org.jepyc.fixtures.SystemTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments of a committing process: the file always parses and holds every
 * result of the last commit that completed: a commit is replaced whole or not at all.
 */
@SystemTest
class JsonCrashTest {
    private static final int KILLS = 50;

    @Test
    void sigkillNeverLosesACommittedResult(@TempDir Path dir) throws Exception {
        Path fn = dir.resolve("crash.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Random rnd = new Random(12345);
        long committedBefore = 0;
        int killedMidRun = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process p = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), fn.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            AtomicLong last = new AtomicLong(-1);
            CountDownLatch first = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        last.set(Long.parseLong(line.trim()));
                        first.countDown();
                    }
                } catch (Exception e) {
                    // the pipe breaks when the child dies
                }
            });
            reader.start();
            // a liveness deadline, not a speed test: a child JVM starts, loads and commits in about a
            // second, but a busy machine can stall its first fsync for many
            assertThat(first.await(120, TimeUnit.SECONDS)).as("child committed once (kill %d)", kill).isTrue();
            Thread.sleep(rnd.nextInt(120));
            p.destroyForcibly();   // SIGKILL
            p.waitFor(10, TimeUnit.SECONDS);
            reader.join(5000);
            if (!p.isAlive()) {
                killedMidRun++;
            }
            long committed = last.get();
            assertThat(committed).isGreaterThanOrEqualTo(committedBefore);
            try (JsonLabNotebook nb = JsonLabNotebook.openReadOnly(fn)) {
                assertThat((long) nb.numberOfResults()).as("after kill %d", kill).isGreaterThanOrEqualTo(committed);
                // every row committed so far is there, in order
                var rows = nb.results();
                for (int i = 0; i < rows.size(); i += Math.max(1, rows.size() / 50)) {
                    assertThat(rows.get(i).parameters().get("i")).isEqualTo((long) i);
                }
                committedBefore = nb.numberOfResults();
            }
        }
        assertThat(killedMidRun).isEqualTo(KILLS);
        // the next opening for writing removes temporary files the kills left behind
        new JsonLabNotebook(fn).close();
        try (var s = Files.list(dir)) {
            assertThat(s.map(x -> x.getFileName().toString())).containsExactly("crash.json");
        }
    }
}
