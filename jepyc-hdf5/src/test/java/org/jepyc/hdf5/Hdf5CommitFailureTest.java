package org.jepyc.hdf5;

import org.jepyc.fixtures.SystemTest;
import org.jepyc.fixtures.Tmpfs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.jepyc.Experiment;
import org.jepyc.NotebookException;
import org.jepyc.ResultsDict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit into a full disk (a small tmpfs, mounted by the test where the machine allows it)
 * fails with a clear error naming the file, and leaves the previously committed notebook intact
 * and readable; once there is room again the next commit succeeds.
 *
 * <p>What is on disk is checked through a copy taken while the writer still has the file open:
 * the copy is what a reader would find if the writer died at that moment, and, being another
 * file, it is read without the writer's HDF5 caches or file lock.
 */
@SystemTest
class Hdf5CommitFailureTest {

    /** Bytes left free when the disk is "full": from none to more than some commits need. */
    private static final long[] ROOM = {0, 2_000, 4_096, 20_000, 70_000, 300_000, 1_000_000};

    private static final int ROWS_PER_COMMIT = 4_000;

    @TempDir
    Path dir;

    private Tmpfs disk;
    private Path mnt;

    @BeforeEach
    void mount() {
        disk = Tmpfs.mount(dir.resolve("small"), "24m");
        mnt = disk.dir();
    }

    @AfterEach
    void unmount() {
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void aCommitIntoAFullDiskFailsClearlyAndTheNextOneWithRoomSucceeds() throws Exception {
        Path fn = mnt.resolve("nb.h5");
        Path filler = mnt.resolve("filler");
        Hdf5LabNotebook nb = new Hdf5LabNotebook(fn, true);
        try {
            long committed = 0;
            add(nb, committed, committed + 100);
            nb.commit();
            committed += 100;
            for (long room : ROOM) {
                fill(filler, room);
                add(nb, committed, committed + ROWS_PER_COMMIT);
                assertThatThrownBy(nb::commit).as("room %d", room).isInstanceOf(NotebookException.class)
                        .hasMessageContaining(fn.toString()).hasMessageContaining("still holds the last committed")
                        .hasMessageContaining("space");
                checkCopy(fn, committed, "after a failed commit with " + room + " bytes free");
                // failing again, on a notebook whose last commit failed, changes nothing either
                assertThatThrownBy(nb::commit).isInstanceOf(NotebookException.class);
                checkCopy(fn, committed, "after a second failed commit with " + room + " bytes free");
                Files.delete(filler);
                nb.commit();
                committed += ROWS_PER_COMMIT;
                checkCopy(fn, committed, "after the commit that followed freeing space (" + room + ")");
            }
            nb.close();
            check(fn, committed, "after closing");
        } finally {
            closeQuietly(nb);
        }
    }

    @Test
    void aNotebookClosedWhileTheDiskIsFullKeepsItsLastCommit() throws Exception {
        Path fn = mnt.resolve("nb.h5");
        Path filler = mnt.resolve("filler");
        try (Hdf5LabNotebook nb = new Hdf5LabNotebook(fn, true)) {
            add(nb, 0, 500);
        }
        for (long room : ROOM) {
            fill(filler, room);
            Hdf5LabNotebook nb = new Hdf5LabNotebook(fn);
            add(nb, 500, 500 + ROWS_PER_COMMIT);
            // close() commits, which fails: the error says so and the file keeps its 500 rows
            assertThatThrownBy(nb::close).as("room %d", room).isInstanceOf(NotebookException.class)
                    .hasMessageContaining(fn.toString());
            closeQuietly(nb);
            Files.delete(filler);
            check(fn, 500, "closed while full with " + room + " bytes free");
        }
        try (Hdf5LabNotebook nb = new Hdf5LabNotebook(fn)) {
            add(nb, 500, 1000);
        }
        check(fn, 1000, "a commit with room after the failed closes");
    }

    private static void closeQuietly(Hdf5LabNotebook nb) {
        try {
            nb.close();
        } catch (RuntimeException e) {
            // a further failure of a notebook the test is done with
        }
    }

    /** Fills the tmpfs with {@code filler} until the disk is full, then gives back {@code room} bytes. */
    private static void fill(Path filler, long room) throws IOException {
        byte[] block = new byte[4096];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            // the disk is full (or the close could not write the last bytes)
        }
        try (FileChannel ch = FileChannel.open(filler, StandardOpenOption.WRITE)) {
            ch.truncate(Math.max(0, Math.min(ch.size(), written) - room));
        }
    }

    private void checkCopy(Path fn, long rows, String when) throws IOException {
        Path copy = dir.resolve("copy.h5");
        Files.copy(fn, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        check(copy, rows, when);
    }

    /** Opens the file read-only: exactly {@code rows} rows, rows 0..rows-1, each with its right values. */
    private static void check(Path fn, long rows, String when) {
        try (Hdf5LabNotebook nb = Hdf5LabNotebook.openReadOnly(fn)) {
            List<ResultsDict> results = nb.results();
            assertThat(results).as(when).hasSize((int) rows);
            boolean[] seen = new boolean[(int) rows];
            for (ResultsDict r : results) {
                long i = (Long) r.parameters().get("i");
                assertThat(r.results()).as("%s: row %d", when, i).isEqualTo(expected(i));
                seen[(int) i] = true;
            }
            for (int i = 0; i < rows; i++) {
                assertThat(seen[i]).as("%s: row %d present", when, i).isTrue();
            }
        }
    }

    private static void add(Hdf5LabNotebook nb, long from, long to) {
        Experiment e = Experiment.of(p -> expected((Long) p.get("i")));
        for (long i = from; i < to; i++) {
            nb.addResult(e.set(Map.of("i", i)).run());
        }
    }

    /** Results with text, so that a commit also needs HDF5's global heap. */
    private static Map<String, Object> expected(long i) {
        return Map.of("square", i * i, "label", "row " + i + " of a notebook on a small disk");
    }

}
