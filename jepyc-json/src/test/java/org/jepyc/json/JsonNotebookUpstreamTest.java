package org.jepyc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;

import org.jepyc.Experiment;
import org.jepyc.LabNotebook;
import org.jepyc.NotebookExistsException;
import org.jepyc.OpenMode;
import org.jepyc.ResultsDict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** epyc's test_jsonnotebooks.py, one test per behaviour, with jepyc's safer create semantics. */
class JsonNotebookUpstreamTest {
    @TempDir
    Path dir;
    Path fn;

    /** epyc's sample experiment: sums its parameters. */
    static Experiment sum() {
        return Experiment.of(p -> Map.of("total", ((Number) p.get("k")).longValue() + ((Number) p.get("j")).longValue()));
    }

    static ResultsDict run(long k, long j) {
        return sum().set(Map.of("k", k, "j", j)).run();
    }

    static ResultsDict fail(long k, long j) {
        return Experiment.of(p -> { throw new IllegalStateException("failing at " + p.get("k")); })
                .set(Map.of("k", k, "j", j)).run();
    }

    @BeforeEach
    void setUp() {
        fn = dir.resolve("test.json");
    }

    @Test
    void t151_createdNotebookIsPersistentAndNamedByItsPath() {
        JsonLabNotebook nb = new JsonLabNotebook(fn, true);
        assertThat(nb.isPersistent()).isTrue();
        assertThat(nb.name()).isEqualTo(fn.toString());
        assertThat(fn).doesNotExist();   // nothing written before the first commit
    }

    @Test
    void t152_resultsAndPendingSurviveSaveAndLoad() {
        JsonLabNotebook nb = new JsonLabNotebook(fn, true, "A test notebook");
        nb.addResult(run(1, 2));
        nb.addPendingResult(Map.of("k", 3L, "j", 4L), "1234");
        nb.commit();
        JsonLabNotebook nb2 = new JsonLabNotebook(fn);
        assertThat(nb2.description()).isEqualTo("A test notebook");
        assertThat(nb2.pendingResults()).isEqualTo(nb.pendingResults());
        assertThat(nb2.results()).isEqualTo(nb.results());
    }

    @Test
    void t153_resolvedPendingResultIsSaved() {
        JsonLabNotebook nb = new JsonLabNotebook(fn, true);
        nb.addResult(run(1, 2));
        nb.addPendingResult(Map.of("k", 3L, "j", 4L), "1234");
        nb.commit();
        nb.resolvePendingResult(run(3, 4), "1234");
        nb.commit();
        JsonLabNotebook nb2 = new JsonLabNotebook(fn);
        assertThat(nb2.numberOfPendingResults()).isZero();
        assertThat(nb2.results()).isEqualTo(nb.results()).hasSize(2);
    }

    @Test
    void t154_creatingOverAnExistingFileIsRefusedUnlessOverwriteIsExplicit() throws Exception {
        try (JsonLabNotebook nb = new JsonLabNotebook(fn, true)) {
            nb.addResult(run(1, 2));
            nb.addPendingResult(Map.of("k", 3L, "j", 4L), "1234");
        }
        String before = Fixtures.hash(fn);
        assertThatThrownBy(() -> new JsonLabNotebook(fn, true, "new"))
                .isInstanceOf(NotebookExistsException.class)
                .hasMessageContaining(fn.toString()).hasMessageContaining("OVERWRITE");
        assertThat(Fixtures.hash(fn)).isEqualTo(before);
        JsonLabNotebook nb2 = new JsonLabNotebook(fn, OpenMode.OVERWRITE, "A new notebook");
        assertThat(nb2.numberOfResults()).isZero();
        assertThat(nb2.numberOfPendingResults()).isZero();
        assertThat(nb2.description()).isEqualTo("A new notebook");
        assertThat(Fixtures.hash(fn)).isEqualTo(before);   // replaced only at the first commit
        nb2.commit();
        assertThat(new JsonLabNotebook(fn).numberOfResults()).isZero();
    }

    @Test
    void t155_openingKeepsResultsAndADescriptionArgumentOverrides() {
        try (JsonLabNotebook nb = new JsonLabNotebook(fn, true, "old")) {
            nb.addResult(run(1, 2));
        }
        JsonLabNotebook nb2 = new JsonLabNotebook(fn, false, "A new description");
        assertThat(nb2.numberOfResults()).isEqualTo(1);
        assertThat(nb2.description()).isEqualTo("A new description");
        nb2.close();
        assertThat(new JsonLabNotebook(fn).description()).isEqualTo("A new description");
    }

    @Test
    void t156_overwriteEmptiesAndAnEmptyFileIsAnEmptyNotebook() throws Exception {
        try (JsonLabNotebook nb = new JsonLabNotebook(fn, true)) {
            nb.addResult(run(1, 2));
        }
        try (JsonLabNotebook nb = new JsonLabNotebook(fn, OpenMode.OVERWRITE, null)) {
            assertThat(nb.numberOfResults()).isZero();
        }
        assertThat(new JsonLabNotebook(fn).numberOfResults()).isZero();

        Files.write(fn, new byte[0]);
        JsonLabNotebook empty = new JsonLabNotebook(fn);
        assertThat(empty.numberOfResults()).isZero();
        assertThat(empty.resultSets()).containsExactly(LabNotebook.DEFAULT_RESULTSET);
        empty.commit();
        assertThat(Files.size(fn)).as("nothing added: nothing written").isZero();
        empty.addResultSet("second");
        empty.commit();
        assertThat(Files.size(fn)).isPositive();
        JsonLabNotebook again = new JsonLabNotebook(fn);
        assertThat(again.numberOfResults()).isZero();
        assertThat(again.numberOfPendingResults()).isZero();
        // a zero-length file may also be created over
        Files.write(fn, new byte[0]);
        assertThat(new JsonLabNotebook(fn, true).numberOfResults()).isZero();
    }

    @Test
    void t157_startAndEndTimesAreEqualAfterReload() {
        ResultsDict r = run(1, 2);
        try (JsonLabNotebook nb = new JsonLabNotebook(fn, true)) {
            nb.addResult(r);
        }
        ResultsDict back = new JsonLabNotebook(fn).results().get(0);
        for (String k : new String[] {Experiment.START_TIME, Experiment.END_TIME}) {
            LocalDateTime t = (LocalDateTime) r.metadata().get(k);
            assertThat(back.metadata().get(k)).isEqualTo(t.withNano(t.getNano() / 1000 * 1000));
        }
    }

    @Test
    void t158_aFailedResultsExceptionComesBackAsAString() {
        try (JsonLabNotebook nb = new JsonLabNotebook(fn, true)) {
            nb.addResult(fail(1, 2));
        }
        ResultsDict back = new JsonLabNotebook(fn).results().get(0);
        assertThat(back.metadata().get(Experiment.STATUS)).isEqualTo(false);
        assertThat(back.metadata().get(Experiment.EXCEPTION)).isEqualTo("failing at 1");
        assertThat(back.results()).isEmpty();
    }

    @Test
    void t159_severalSetsStayApart() {
        try (JsonLabNotebook nb = new JsonLabNotebook(fn, true)) {
            nb.addResult(run(1, 2));
            nb.addPendingResult(Map.of("k", 3L, "j", 4L), "1234");
            nb.addResultSet("second");
            nb.addResult(run(10, 20));
            nb.addResult(run(11, 21));
            nb.addPendingResult(Map.of("k", 30L, "j", 40L), "5678");
            nb.addPendingResult(Map.of("k", 31L, "j", 41L), "9012");
        }
        JsonLabNotebook nb2 = new JsonLabNotebook(fn);
        assertThat(nb2.currentTag()).isEqualTo("second");
        assertThat(nb2.numberOfResults()).isEqualTo(2);
        assertThat(nb2.numberOfPendingResults()).isEqualTo(2);
        assertThat(nb2.resultsFor(Map.of("k", 10L))).hasSize(1);
        assertThat(nb2.resultsFor(Map.of("k", 1L))).isEmpty();
        nb2.select(LabNotebook.DEFAULT_RESULTSET);
        assertThat(nb2.numberOfResults()).isEqualTo(1);
        assertThat(nb2.numberOfPendingResults()).isEqualTo(1);
        assertThat(nb2.resultsFor(Map.of("k", 1L))).hasSize(1);
        assertThat(nb2.pendingResults()).containsExactly("1234");
    }

    @Test
    void t160_aFinishedSetReloadsLocked() {
        try (JsonLabNotebook nb = new JsonLabNotebook(fn, true)) {
            nb.addResult(run(1, 2));
            nb.addResultSet("second");
            nb.addResult(run(10, 20));
            nb.addPendingResult(Map.of("k", 30L, "j", 40L), "5678");
            nb.current().finish();
        }
        JsonLabNotebook nb2 = new JsonLabNotebook(fn);
        assertThat(nb2.currentTag()).isEqualTo("second");
        assertThat(nb2.current().isLocked()).isTrue();
        assertThat(nb2.numberOfResults()).isEqualTo(2);
        assertThat(nb2.numberOfPendingResults()).isZero();
        assertThat(nb2.resultSet(LabNotebook.DEFAULT_RESULTSET).isLocked()).isFalse();
        assertThat(nb2.isLocked()).isFalse();
    }

    @Test
    void t161_aFinishedNotebookReloadsLockedAndReadOnly() throws Exception {
        try (JsonLabNotebook nb = new JsonLabNotebook(fn, true)) {
            nb.addResult(run(1, 2));
            nb.addResultSet("second");
            nb.addResult(run(10, 20));
            nb.addPendingResult(Map.of("k", 30L, "j", 40L), "5678");
            nb.finish();
        }
        String before = Fixtures.hash(fn);
        JsonLabNotebook nb2 = new JsonLabNotebook(fn);
        assertThat(nb2.isLocked()).isTrue();
        for (String tag : nb2.resultSets()) {
            assertThat(nb2.resultSet(tag).isLocked()).as(tag).isTrue();
        }
        assertThat(nb2.numberOfPendingResults("second")).isZero();
        assertThat(nb2.numberOfResults("second")).isEqualTo(2);
        assertThat(nb2.resultSet("second").resultsFor(Map.of("k", 30L, "j", 40L))).singleElement()
                .satisfies(r -> assertThat(r.success()).isFalse());
        assertThatThrownBy(() -> nb2.addResultSet("third")).isInstanceOf(org.jepyc.LabNotebookLockedException.class);
        nb2.close();
        assertThat(Fixtures.hash(fn)).isEqualTo(before);
    }

    @Test
    void t162_aDeletedSetStaysDeleted() {
        try (JsonLabNotebook nb = new JsonLabNotebook(fn, true)) {
            nb.addResult(run(1, 2));
            nb.addResultSet("second");
            nb.addResult(run(10, 20));
            nb.addResultSet("third");
            nb.addResult(run(100, 200));
        }
        try (JsonLabNotebook nb2 = new JsonLabNotebook(fn)) {
            assertThat(nb2.resultSets()).hasSize(3);
            nb2.deleteResultSet("second");
        }
        JsonLabNotebook nb3 = new JsonLabNotebook(fn);
        assertThat(nb3.resultSets()).containsExactly(LabNotebook.DEFAULT_RESULTSET, "third");
        assertThat(nb3.currentTag()).isEqualTo("third");
    }
}
