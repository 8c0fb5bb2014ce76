package org.jepyc.hdf5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.jepyc.Experiment;
import org.jepyc.LabNotebook;
import org.jepyc.NotebookException;
import org.jepyc.NotebookFormatException;
import org.jepyc.ResultsDict;
import org.jepyc.fixtures.SystemTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notebook file over 2 GiB, more than one Java array holds, opens read-only and read-write
 * (it is read from a private temporary copy) and keeps every row; without a temporary directory
 * to copy it to, opening it says so.
 */
@SystemTest
class LargeNotebookTest {

    /** Rows of about 1 MiB of text each: the file passes 2 GiB with few rows. */
    private static final int ROWS = 2_100;

    private static final int TEXT = 1 << 20;

    /** Free space needed: the file, its private copy while it is read, and some room. */
    private static final long NEEDED = 7_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void aNotebookOver2GiBOpensReadOnlyAndReadWriteWithEveryRow() throws IOException {
        long free = Files.getFileStore(dir).getUsableSpace();
        assumeTrue(free >= NEEDED, "the test's directory " + dir + " has " + free + " bytes free, less than the "
                + NEEDED + " this test needs: skipped");
        Path fn = dir.resolve("big.h5");
        try (Hdf5LabNotebook nb = new Hdf5LabNotebook(fn, true)) {
            // the text changes every 64 rows: a few distinct strings in memory, each row its own heap object
            Experiment e = Experiment.of(p -> {
                long i = (Long) p.get("i");
                return Map.of("text", text(i), "square", i * i);
            });
            for (long i = 0; i < ROWS; i++) {
                nb.addResult(e.set(Map.of("i", i)).run());
            }
        }
        assertThat(Files.size(fn)).as("the file's size").isGreaterThan(1L << 31);

        // the private copies go to a temporary directory of this test's own, which nothing else uses
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path nowhere = dir.resolve("no-such-directory");
        String saved = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
        try {
            try (LabNotebook nb = LabNotebook.openReadOnly(fn)) {
                check(nb, ROWS);
            }
            try (LabNotebook nb = LabNotebook.open(fn)) {
                check(nb, ROWS);
                nb.addResult(Experiment.of(p -> Map.of("text", "one more", "square", 0L)).set(Map.of("i", -1L)).run());
            }
            try (LabNotebook nb = LabNotebook.openReadOnly(fn)) {
                assertThat(nb.numberOfResults()).isEqualTo(ROWS + 1);
            }
            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left).as("private copies left in %s", tmp).isEmpty();
            }

            // no usable temporary directory: an error saying so and what to do, not a damaged file
            System.setProperty("java.io.tmpdir", nowhere.toString());
            assertThatThrownBy(() -> LabNotebook.openReadOnly(fn)).isInstanceOf(NotebookException.class)
                    .isNotInstanceOf(NotebookFormatException.class)
                    .hasMessageContaining(fn.toString()).hasMessageContaining(nowhere.toString())
                    .hasMessageContaining("java.io.tmpdir");
        } finally {
            System.setProperty("java.io.tmpdir", saved);
        }
        assertThat(nowhere).doesNotExist();
    }

    private static void check(LabNotebook nb, int rows) {
        assertThat(nb.numberOfResults()).isEqualTo(rows);
        Map<Long, ResultsDict> byI = new java.util.HashMap<>();
        for (ResultsDict r : nb.results()) {
            byI.put((Long) r.parameters().get("i"), r);
        }
        assertThat(byI).hasSize(rows);
        for (long i : new long[] {0, 1, 63, 64, rows / 2, rows - 1}) {
            ResultsDict r = byI.get(i);
            assertThat(r.results().get("square")).as("row %d", i).isEqualTo(i * i);
            assertThat(r.results().get("text")).as("row %d", i).isEqualTo(text(i));
        }
    }

    /** The texts, one per 64 rows, made once: the notebook holds a few strings, not one per row. */
    private static final String[] TEXTS = new String[ROWS / 64 + 1];

    private static String text(long i) {
        int block = (int) (i / 64);
        if (TEXTS[block] == null) {
            TEXTS[block] = "block " + block + " " + "x".repeat(TEXT);
        }
        return TEXTS[block];
    }
}
