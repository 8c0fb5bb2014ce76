package org.jepyc.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jepyc.LabNotebook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What other processes see of a notebook: a JVM that never closes its notebooks exits cleanly
 * and loses no commit; a reader gets a committed state of an HDF5 and a JSON notebook at every
 * read while a writer process commits to them every 100 ms.
 */
@Tag("system")
class OtherProcessesTest {

    static final int COMMITS = 50;
    static final int ROWS_PER_COMMIT = 10;

    @TempDir
    Path tmp;

    private Process child(Path err, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:ErrorFile=" + tmp.resolve("hs_err_%p.log"),
                "-cp", System.getProperty("java.class.path"), NotebookChild.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(tmp.toFile()).redirectError(err.toFile()).start();
    }

    /** Collects a child's stdout lines on a thread of their own, so the child never blocks on a full pipe. */
    private static List<String> collect(Process p) {
        // Copy-on-write: the test streams over the lines while this thread appends to them.
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child ended
            }
        });
        t.setDaemon(true);
        t.start();
        return lines;
    }

    @Test
    void aJvmLeavingTwentyNotebooksUnclosedExitsCleanlyAndLosesNothing() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("unclosed"));
        Path err = tmp.resolve("unclosed.err");
        Process p = child(err, "unclosed", dir.toString(), "10");
        collect(p);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
        assertThat(p.exitValue()).as("exit code; stderr: %s", Files.readString(err)).isZero();
        try (Stream<Path> crashes = Files.list(tmp)) {
            assertThat(crashes.filter(f -> f.getFileName().toString().startsWith("hs_err"))).isEmpty();
        }
        for (int k = 0; k < 10; k++) {
            for (String ext : List.of(".h5", ".json")) {
                try (LabNotebook nb = NotebookChild.openReadOnly(dir.resolve("nb" + k + ext))) {
                    assertThat(nb.numberOfResults()).as("nb%d%s", k, ext).isEqualTo(3);
                    for (int i = 0; i < 3; i++) {
                        assertThat(nb.results().get(i).results()).isEqualTo(NotebookChild.row(i));
                    }
                }
            }
        }
    }

    @Test
    void aReaderGetsACommittedStateAtEveryReadWhileAWriterCommits() throws Exception {
        Path h5 = tmp.resolve("live.h5");
        Path json = tmp.resolve("live.json");
        Process h5Writer = child(tmp.resolve("w-h5.err"), "write", h5.toString(), "" + COMMITS, "" + ROWS_PER_COMMIT);
        Process jsonWriter = child(tmp.resolve("w-json.err"), "write", json.toString(), "" + COMMITS, "" + ROWS_PER_COMMIT);
        List<String> h5Out = collect(h5Writer);
        List<String> jsonOut = collect(jsonWriter);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while ((h5Out.isEmpty() || jsonOut.isEmpty()) && System.nanoTime() < deadline && h5Writer.isAlive()) {
            Thread.onSpinWait();   // both files hold a first commit before the reader starts
        }
        Path readerErr = tmp.resolve("reader.err");
        Process reader = child(readerErr, "read", h5.toString(), json.toString());
        List<String> reads = collect(reader);
        while (!(reads.stream().anyMatch(l -> l.startsWith("R live.h5")) && reads.stream().anyMatch(l -> l.startsWith("R live.json")))
                && reader.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();   // the writers go on once the reader reads both files
        }
        for (Process w : List.of(h5Writer, jsonWriter)) {
            w.getOutputStream().write('\n');
            w.getOutputStream().flush();
        }
        assertThat(h5Writer.waitFor(180, TimeUnit.SECONDS) && jsonWriter.waitFor(180, TimeUnit.SECONDS))
                .as("writers finished").isTrue();
        reader.getOutputStream().close();
        assertThat(reader.waitFor(60, TimeUnit.SECONDS)).as("reader finished").isTrue();
        assertThat(h5Writer.exitValue()).as(Files.readString(tmp.resolve("w-h5.err"))).isZero();
        assertThat(jsonWriter.exitValue()).as(Files.readString(tmp.resolve("w-json.err"))).isZero();

        List<String> snapshot = List.copyOf(reads);
        assertThat(snapshot).as("failed reads").noneMatch(l -> l.startsWith("E "));
        for (String name : List.of("live.h5", "live.json")) {
            List<Integer> counts = new ArrayList<>();
            for (String l : snapshot) {
                if (l.startsWith("R " + name + " ")) {
                    counts.add(Integer.parseInt(l.substring(3 + name.length())));
                }
            }
            assertThat(counts).as(name + " reads").isNotEmpty();
            assertThat(counts).as(name + ": every read a committed state").allMatch(n -> n % ROWS_PER_COMMIT == 0
                    && n >= ROWS_PER_COMMIT && n <= COMMITS * ROWS_PER_COMMIT);
            for (int i = 1; i < counts.size(); i++) {
                assertThat(counts.get(i)).as(name + ": commits never go back").isGreaterThanOrEqualTo(counts.get(i - 1));
            }
            assertThat(counts).as(name + ": read while being written").anyMatch(n -> n < COMMITS * ROWS_PER_COMMIT);
        }
        String readerLog = Files.readString(readerErr);
        assertThat(readerLog).doesNotContain("WARN").doesNotContain("not closed cleanly").doesNotContain("lock");
    }
}
