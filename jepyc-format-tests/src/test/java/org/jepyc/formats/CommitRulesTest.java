package org.jepyc.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jepyc.Experiment;
import org.jepyc.LabNotebook;
import org.jepyc.LabNotebookLockedException;
import org.jepyc.NotebookException;
import org.jepyc.OpenMode;
import org.jepyc.ParallelLab;
import org.jepyc.Progress;
import org.jepyc.ProgressListener;
import org.jepyc.ResultsDict;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules of opening and committing that every format keeps the same way. */
class CommitRulesTest {

    static Iterable<String> formats() {
        return Notebooks.extensions();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void overwriteReplacesTheFileOnlyAtTheFirstCommit(String ext, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("old." + ext);
        try (LabNotebook old = LabNotebook.open(file, OpenMode.CREATE_NEW)) {
            for (int i = 0; i < 3; i++) {
                old.addResult(Notebooks.row(i, "old"));
            }
        }
        byte[] before = Files.readAllBytes(file);
        try (LabNotebook nb = LabNotebook.open(file, OpenMode.OVERWRITE)) {
            assertThat(nb.numberOfResults()).isZero();
            nb.addResult(Notebooks.row(7, "new"));
            // until the first commit the old notebook is there, whole, for everyone
            assertThat(Files.readAllBytes(file)).as("the file before the first commit").isEqualTo(before);
            try (LabNotebook reader = LabNotebook.openReadOnly(file)) {
                assertThat(Notebooks.writers(reader)).isEqualTo(Collections.nCopies(3, "old"));
            }
            nb.commit();
        }
        try (LabNotebook reader = LabNotebook.openReadOnly(file)) {
            assertThat(Notebooks.writers(reader)).containsExactly("new");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void openingAndClosingANewNotebookWithNothingAddedWritesNothingButWhatTheFormatCreatesAtOnce(String ext,
            @TempDir Path dir) throws Exception {
        for (OpenMode mode : OpenMode.values()) {
            Path file = dir.resolve(mode + "." + ext);
            LabNotebook.open(file, mode).close();
            // epyc creates an HDF5 notebook's file at once, a JSON one at the first commit with something in it
            assertThat(Files.exists(file)).as(mode.toString()).isEqualTo(ext.equals("h5"));
        }
        Path empty = Files.createFile(dir.resolve("empty." + ext));
        if (ext.equals("json")) {
            LabNotebook.open(empty).close();
            assertThat(Files.size(empty)).as("a zero-length JSON file is an empty notebook, left as it is").isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aFailedOpenHoldsNoLock(String ext, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("nb." + ext);
        try (LabNotebook nb = LabNotebook.open(file)) {
            nb.addResult(Notebooks.row(1, "first"));
            nb.finish();
        }
        // a finished notebook cannot take a new description: the open fails after taking the lock
        assertThatThrownBy(() -> Notebooks.open(file, OpenMode.OPEN_OR_CREATE, "a new description"))
                .isInstanceOf(LabNotebookLockedException.class);
        Files.writeString(dir.resolve("other." + ext), "not a notebook");
        assertThatThrownBy(() -> Notebooks.open(dir.resolve("other." + ext), OpenMode.OPEN_OR_CREATE, "described"))
                .isInstanceOf(NotebookException.class);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("lock files left")
                    .noneMatch(n -> n.endsWith(".lock"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aResultNamedAsAParameterIsKeptByJsonAndRefusedClearlyByHdf5(String ext, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("names." + ext);
        ResultsDict clash = new ResultsDict(Map.of("k", 1L), Map.of(Experiment.STATUS, true), Map.of("k", 2L));
        try (LabNotebook nb = LabNotebook.open(file)) {
            nb.addResult(Notebooks.row(0, "first"));
            nb.commit();
            nb.addResultSet("clash");
            nb.addResult(clash);
            if (ext.equals("h5")) {
                byte[] before = Files.readAllBytes(file);
                assertThatThrownBy(nb::commit).isInstanceOf(NotebookException.class)
                        .hasMessageContaining(file.toString()).hasMessageContaining("'k'")
                        .hasMessageContaining("clash");
                assertThat(Files.readAllBytes(file)).isEqualTo(before);
                nb.select(LabNotebook.DEFAULT_RESULTSET);
                nb.deleteResultSet("clash");   // so that closing commits what the format can hold
            }
        }
        try (LabNotebook back = LabNotebook.openReadOnly(file)) {
            assertThat(back.results(LabNotebook.DEFAULT_RESULTSET)).extracting(r -> r.results().get("writer"))
                    .containsExactly("first");
            if (ext.equals("json")) {
                assertThat(back.results("clash")).singleElement().satisfies(r -> {
                    assertThat(r.parameters()).containsEntry("k", 1L);
                    assertThat(r.results()).containsEntry("k", 2L);
                });
            }
        }
    }

    /** A point that takes a little while, so that an interrupt lands mid-run. */
    static final class Slow extends Experiment {
        private static final long serialVersionUID = 1L;

        @Override
        protected Map<String, ?> perform(Map<String, Object> p) throws InterruptedException {
            Thread.sleep(5);
            // not "k": an HDF5 notebook cannot hold a result named as a parameter (see the test below)
            return Map.of("twice", 2 * ((Number) p.get("k")).longValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void anInterruptedRunIsCommitted(String ext, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("interrupted." + ext);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch thirty = new CountDownLatch(1);
        try (LabNotebook nb = LabNotebook.open(file)) {
            ParallelLab lab = new ParallelLab(nb, 2);
            lab.withCommitInterval(java.time.Duration.ZERO);           // only the final commit, on the interrupted thread
            lab.put("k", IntStream.range(0, 2000));
            lab.withProgress(new ProgressListener() {
                @Override
                public void progress(Progress p) {
                    if (p.done() >= 30) {
                        thirty.countDown();
                    }
                }
            });
            Thread runner = new Thread(() -> {
                try {
                    lab.runExperiment(new Slow());
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            runner.start();
            assertThat(thirty.await(60, TimeUnit.SECONDS)).isTrue();
            runner.interrupt();
            runner.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(runner.isAlive()).isFalse();
            assertThat(thrown.get()).isInstanceOf(CancellationException.class);
            try (LabNotebook onDisk = LabNotebook.openReadOnly(file)) {
                assertThat(onDisk.numberOfResults()).isEqualTo(nb.numberOfResults()).isGreaterThanOrEqualTo(30);
            }
        }
    }
}
