package org.jepyc.hdf5.h5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jepyc.Experiment;
import org.jepyc.ResultsDict;
import org.jepyc.fixtures.SystemTest;
import org.jepyc.hdf5.ChildCommitLoop;
import org.jepyc.hdf5.Hdf5LabNotebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A private copy of a file too large for memory (forced here by an in-memory limit of 0) taken
 * while another process commits to the file in a loop ({@link ChildCommitLoop}) is always a
 * committed notebook: it opens, and every row holds its right values.
 */
@SystemTest
class SnapshotUnderWriterTest {

    private static final int SNAPSHOTS = 40;

    @TempDir
    Path dir;

    @Test
    void aCopyTakenWhileAnotherProcessCommitsIsACommittedNotebook() throws Exception {
        Path file = dir.resolve("busy.h5");
        Path copies = Files.createDirectory(dir.resolve("copies"));
        new Hdf5LabNotebook(file, true).close();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                ChildCommitLoop.class.getName(), file.toString(), "20261203")
                .redirectError(dir.resolve("child.err").toFile()).start();
        CountDownLatch committed = new CountDownLatch(3);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    committed.countDown();
                }
            } catch (java.io.IOException e) {
                // the child ended
            }
        });
        reader.start();
        try {
            assertThat(committed.await(60, TimeUnit.SECONDS)).as("the child commits: %s",
                    Files.readString(dir.resolve("child.err"))).isTrue();
            long rows = 0;
            for (int k = 0; k < SNAPSHOTS; k++) {
                assertThat(child.isAlive()).as("the child still commits").isTrue();
                try (Snapshot s = Snapshot.take(file, 0, copies)) {
                    rows += check(s.copy(), k);
                }
            }
            assertThat(rows).as("rows checked").isPositive();
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
            reader.join(5_000);
        }
        try (Stream<Path> left = Files.list(copies)) {
            assertThat(left).isEmpty();
        }
    }

    /** Opens a copy as a notebook: every row intact. */
    private static long check(Path copy, int k) {
        long rows = 0;
        try (Hdf5LabNotebook nb = Hdf5LabNotebook.openReadOnly(copy)) {
            for (String tag : nb.resultSets()) {
                List<ResultsDict> results = nb.results(tag);
                for (ResultsDict r : results) {
                    assertThat(r.metadata().get(Experiment.STATUS)).isEqualTo(true);
                    long a = (Long) r.parameters().get("a");
                    for (Map.Entry<String, Object> e : ChildCommitLoop.expected(a).entrySet()) {
                        assertThat(r.results().get(e.getKey())).as("%s of a=%d in %s, copy %d", e.getKey(), a, tag, k)
                                .isEqualTo(e.getValue());
                    }
                }
                rows += results.size();
            }
        }
        return rows;
    }
}
