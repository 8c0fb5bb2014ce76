package org.jepyc.hdf5.h5;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
        CountDownLatch committed = new CountDownLatch(3);
        ChildCommitLoop.Child running = ChildCommitLoop.start(file, 20261203L, dir.resolve("child.err"),
                line -> committed.countDown());
        Process child = running.process();
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
            running.reader().join(5_000);
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
                ChildCommitLoop.assertIntact(results, tag + ", copy " + k);
                rows += results.size();
            }
        }
        return rows;
    }
}
