package org.jepyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jepyc.Fixtures.column;
import static org.jepyc.Fixtures.columnNames;
import static org.jepyc.Fixtures.failure;
import static org.jepyc.Fixtures.map;
import static org.jepyc.Fixtures.success;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;

/** Port of epyc's test_notebooks.py, plus the notebook-level faults of epyc that jepyc fixes, and bad input. */
class LabNotebookTest {
    private static final String DEFAULT = LabNotebook.DEFAULT_RESULTSET;

    private static ResultsDict ok(int a) {
        return success(map("a", a), map("total", a));
    }

    /** What a notebook holds, to show that a refused change left it as it was. */
    private record Snapshot(String current, List<String> tags, int rows, List<String> columns,
                            List<ResultsDict> contents, List<String> pending) {
        static Snapshot of(LabNotebook nb) {
            return new Snapshot(nb.currentTag(), nb.resultSets(), nb.numberOfResults(),
                    columnNames(nb.dataframe(false)), nb.results(), nb.allPendingResults());
        }
    }

    @Test
    void notebookHasItsNameAndIsNotPersistent() {
        LabNotebook nb = new LabNotebook("test", null);
        assertThat(nb.name()).isEqualTo("test");
        assertThat(nb.isPersistent()).isFalse();
        assertThat(nb.description()).isEqualTo("A notebook");
    }

    @Test
    void newNotebookHasOnlyTheCurrentDefaultSet() {
        LabNotebook nb = new LabNotebook();
        assertThat(nb.current()).isNotNull();
        assertThat(nb.currentTag()).isEqualTo(DEFAULT);
        assertThat(nb.resultSets()).containsExactly(DEFAULT);
    }

    @Test
    void addResultSetAddsATag() {
        LabNotebook nb = new LabNotebook();
        nb.addResultSet("second");
        assertThat(nb.resultSets()).containsExactlyInAnyOrder(DEFAULT, "second");
        assertThat(nb.numberOfResultSets()).isEqualTo(2);
    }

    @Test
    void setsKeepSeparateParameterSchemas() {
        LabNotebook nb = new LabNotebook();
        nb.addResultSet("first");
        nb.addResult(success(map("a", 1), map("total", 1)));
        nb.addResultSet("second");
        nb.addResult(success(map("b", 2), map("total", 2)));
        assertThat(nb.resultSet("first").parameterNames()).containsExactly("a");
        assertThat(nb.resultSet("second").parameterNames()).containsExactly("b");
        assertThatThrownBy(() -> nb.dataframeFor(map("a", 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a");
        assertThatThrownBy(() -> nb.resultsFor(map("a", 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resolvingAPendingJobMakesTheNotebookReadyOnce() {
        LabNotebook nb = new LabNotebook();
        nb.addPendingResult(map("a", 1), "1234");
        assertThat(nb.ready()).isFalse();
        nb.resolvePendingResult(ok(1), "1234");
        assertThat(nb.ready()).isTrue();
        assertThatThrownBy(() -> nb.resolvePendingResult(ok(1), "1234")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("1234");
    }

    @Test
    void cancelledJobCannotBeResolved() {
        LabNotebook nb = new LabNotebook();
        nb.addPendingResult(map("a", 1), "1234");
        nb.cancelPendingResult("1234");
        assertThatThrownBy(() -> nb.resolvePendingResult(ok(1), "1234")).isInstanceOf(PendingResultException.class);
        assertThat(nb.ready()).isTrue();
    }

    // the notebook's data frame holds successful rows by default
    @Test
    void notebookDataframeDefaultsToSuccessfulRows() {
        LabNotebook nb = new LabNotebook();
        nb.addResult(ok(1));
        nb.addResult(ok(2));
        nb.addResult(failure(map("a", 3), "no"));
        assertThat(nb.numberOfResults()).isEqualTo(3);
        assertThat(nb.results()).hasSize(3);
        assertThat(nb.dataframe(false).height()).isEqualTo(3);
        assertThat(nb.dataframe().height()).isEqualTo(2);
    }

    @Test
    void readyFractionOfTheCurrentSet() {
        LabNotebook nb = new LabNotebook();
        nb.addResult(ok(1));
        assertThat(nb.readyFraction()).isEqualTo(1.0);
        nb.addPendingResult(map("a", 2), "1");
        assertThat(nb.readyFraction()).isEqualTo(0.5);
        nb.addResultSet("new");
        assertThat(nb.readyFraction()).isEqualTo(1.0);
        nb.select(DEFAULT);
        assertThat(nb.readyFraction()).isEqualTo(0.5);
    }

    // where epyc is wrong, jepyc fixes it: readyFraction(tag) reports the tagged set, not the current one
    @Test
    void readyFractionHonoursTheTag() {
        LabNotebook nb = new LabNotebook();
        nb.addResult(ok(1));
        nb.addPendingResult(map("a", 2), "1");
        nb.addPendingResult(map("a", 3), "2");
        nb.addPendingResult(map("a", 4), "3");
        nb.addResultSet("empty");
        assertThat(nb.readyFraction()).isEqualTo(1.0);
        assertThat(nb.readyFraction(DEFAULT)).isEqualTo(0.25);
        assertThat(nb.readyFraction("empty")).isEqualTo(1.0);
    }

    private static LabNotebook firstAndSecond() {
        LabNotebook nb = new LabNotebook();
        nb.addResultSet("first");
        nb.addResult(ok(10));
        nb.addResult(ok(20));
        nb.addPendingResult(map("a", 30), "1234");
        nb.addResultSet("second");
        nb.addResult(ok(30));
        return nb;
    }

    @Test
    void countsDefaultToTheCurrentSetAndTakeATag() {
        LabNotebook nb = firstAndSecond();
        assertThat(nb.numberOfResults()).isEqualTo(1);
        assertThat(nb.numberOfPendingResults()).isZero();
        assertThat(nb.numberOfResults("first")).isEqualTo(2);
        assertThat(nb.numberOfPendingResults("first")).isEqualTo(1);
        assertThat(nb.numberOfResults("second")).isEqualTo(1);
        assertThat(nb.numberOfPendingResults("second")).isZero();
        assertThat(nb.pendingResults()).isEmpty();
        assertThat(nb.pendingResults("first")).hasSize(1);
    }

    @Test
    void allPendingResultsSpansEverySet() {
        LabNotebook nb = firstAndSecond();
        nb.addPendingResult(map("a", 40), "2345");
        assertThat(nb.allPendingResults()).containsExactlyInAnyOrder("1234", "2345");
        assertThat(nb.numberOfAllPendingResults()).isEqualTo(2);
    }

    // (per-set queries through resultSet(tag), the notebook's tag= argument)
    @Test
    void readingByTagGivesThatSetsRows() {
        LabNotebook nb = firstAndSecond();
        nb.select(DEFAULT);
        assertThat(nb.dataframe().height()).isZero();
        assertThat(nb.dataframe(DEFAULT, true).height()).isZero();
        assertThat(nb.dataframe("first", true).height()).isEqualTo(2);
        assertThat(nb.dataframe("second", true).height()).isEqualTo(1);
        assertThat(nb.resultSet("first").dataframeFor(map("a", 10)).height()).isEqualTo(1);
        assertThat(nb.resultSet("first").dataframeFor(map("a", 30)).height()).isZero();
        assertThat(nb.results("first")).hasSize(2);
        assertThat(nb.results("second")).hasSize(1);
        assertThat(nb.resultSet("first").resultsFor(map("a", 20))).hasSize(1);
        assertThat(nb.resultSet("second").resultsFor(map("a", 10))).isEmpty();
    }

    @Test
    void listOfResultsAddsEach() {
        LabNotebook nb = new LabNotebook();
        nb.addResults(List.of(ok(10), ok(20), ok(30)));
        assertThat(nb.numberOfResults()).isEqualTo(3);
        assertThat(column(nb.dataframe(), "a")).containsExactlyInAnyOrder(10L, 20L, 30L);
    }

    // a results dict holding several runs adds each and drops the outer one
    @Test
    void nestedResultsAreUnwrapped() {
        LabNotebook nb = new LabNotebook();
        nb.addResult(ResultsDict.of(map("outer", 1), map(Experiment.STATUS, true), List.of(ok(10), ok(20), ok(30))));
        assertThat(nb.numberOfResults()).isEqualTo(3);
        assertThat(column(nb.dataframe(), "a")).containsExactlyInAnyOrder(10L, 20L, 30L);
        assertThat(nb.current().parameterNames()).containsExactly("a");
    }

    // where epyc is wrong, jepyc fixes it: nesting is unwrapped to any depth
    @Test
    void doublyNestedResultsAreFlattened() {
        LabNotebook nb = new LabNotebook();
        ResultsDict inner1 = ResultsDict.of(map(), map(Experiment.STATUS, true), List.of(ok(1), ok(2)));
        ResultsDict inner2 = ResultsDict.of(map(), map(Experiment.STATUS, true), List.of(ok(3)));
        nb.addResult(ResultsDict.of(map(), map(Experiment.STATUS, true), List.of(inner1, inner2)));
        assertThat(column(nb.dataframe(), "a")).containsExactly(1L, 2L, 3L);
    }

    private static LabNotebook finishedAfterFirstAndSecond() {
        LabNotebook nb = firstAndSecond();
        nb.addPendingResult(map("a", 40), "2345");
        nb.finish();
        return nb;
    }

    @Test
    void finishedNotebookRefusesNewSets() {
        LabNotebook nb = finishedAfterFirstAndSecond();
        assertThat(nb.isLocked()).isTrue();
        assertThatThrownBy(() -> nb.addResultSet("third")).isInstanceOf(LabNotebookLockedException.class);
        assertThat(nb.resultSets()).doesNotContain("third");
    }

    @Test
    void finishLocksEverySetAndCancelsTheirJobs() {
        LabNotebook nb = finishedAfterFirstAndSecond();
        assertThat(nb.resultSets()).allSatisfy(t -> assertThat(nb.resultSet(t).isLocked()).as(t).isTrue());
        assertThat(nb.numberOfResults("first")).isEqualTo(3);
        assertThat(nb.numberOfPendingResults("second")).isZero();
        assertThat(nb.numberOfResults("second")).isEqualTo(2);
        List<ResultsDict> cancelled = nb.resultSet("second").resultsFor(map("a", 40));
        assertThat(cancelled).hasSize(1);
        assertThat(cancelled.get(0).success()).isFalse();
    }

    // where epyc is wrong, jepyc fixes it: jobs cancelled by finish are no longer pending anywhere
    @Test
    void finishLeavesNoPendingJobsInTheNotebook() {
        LabNotebook nb = firstAndSecond();
        nb.resultSet("first").finish();
        assertThat(nb.allPendingResults()).isEmpty();
        nb.addPendingResult(map("a", 40), "2345");
        nb.finish();
        assertThat(nb.allPendingResults()).isEmpty();
        assertThat(nb.numberOfAllPendingResults()).isZero();
    }

    // a locked notebook refuses every change but select and reads
    @Test
    void lockedNotebookRefusesChangesButSelects() {
        LabNotebook nb = finishedAfterFirstAndSecond();
        assertThatThrownBy(() -> nb.setDescription("x")).isInstanceOf(LabNotebookLockedException.class);
        assertThatThrownBy(() -> nb.deleteResultSet("first")).isInstanceOf(LabNotebookLockedException.class);
        assertThatThrownBy(() -> nb.addPendingResult(map("a", 1), "9")).isInstanceOf(LabNotebookLockedException.class);
        assertThatThrownBy(() -> nb.cancelPendingResult("9")).isInstanceOf(LabNotebookLockedException.class);
        assertThatThrownBy(() -> nb.resolvePendingResult(ok(1), "9")).isInstanceOf(LabNotebookLockedException.class);
        assertThatThrownBy(() -> nb.addResult(ok(1))).isInstanceOf(ResultSetLockedException.class);
        nb.select("first");
        assertThat(nb.currentTag()).isEqualTo("first");
        assertThat(nb.results()).hasSize(3);
    }

    private static LabNotebook threeSets() {
        LabNotebook nb = new LabNotebook();
        nb.addResultSet("first");
        nb.addResultSet("second");
        return nb;
    }

    @Test
    void deletingASetByTagKeepsTheCurrentSet() {
        LabNotebook nb = threeSets();
        ResultSet second = nb.current();
        nb.deleteResultSet("first");
        assertThat(nb.numberOfResultSets()).isEqualTo(2);
        assertThat(nb.current()).isSameAs(second);
        assertThat(nb.currentTag()).isEqualTo("second");
        assertThat(nb.resultSets()).containsExactlyInAnyOrder("second", DEFAULT);
    }

    @Test
    void deletingASetByObjectKeepsTheCurrentSet() {
        LabNotebook nb = threeSets();
        ResultSet second = nb.current();
        nb.deleteResultSet(nb.resultSet("first"));
        assertThat(nb.numberOfResultSets()).isEqualTo(2);
        assertThat(nb.current()).isSameAs(second);
        assertThat(nb.resultSets()).containsExactlyInAnyOrder("second", DEFAULT);
    }

    @Test
    void deletingTheCurrentSetIsRefused() {
        LabNotebook nb = threeSets();
        assertThatThrownBy(() -> nb.deleteResultSet("second")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("second");
        assertThat(nb.resultSets()).contains("second");
    }

    @Test
    void deletingTheDefaultSetIsRefused() {
        LabNotebook nb = threeSets();
        assertThatThrownBy(() -> nb.deleteResultSet(DEFAULT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(nb.resultSets()).contains(DEFAULT);
    }

    // an unknown tag is a NoSuchElementException naming it, for delete and select
    @Test
    void unknownTagIsRefusedNamingIt() {
        LabNotebook nb = new LabNotebook();
        assertThatThrownBy(() -> nb.deleteResultSet("nonesuch")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("nonesuch");
        assertThatThrownBy(() -> nb.select("nonesuch")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("nonesuch");
        assertThat(nb.currentTag()).isEqualTo(DEFAULT);
    }

    @Test
    void resultSetsListsTheTags() {
        LabNotebook nb = new LabNotebook();
        assertThat(nb.resultSets()).containsExactly(DEFAULT);
        nb.addResultSet("second");
        nb.addResultSet("third");
        assertThat(nb.resultSets()).containsExactly(DEFAULT, "second", "third");
    }

    @Test
    void containsIsTrueForExistingTagsOnly() {
        LabNotebook nb = threeSets();
        assertThat(nb.contains(DEFAULT)).isTrue();
        assertThat(nb.contains("first")).isTrue();
        assertThat(nb.contains("nonesuch")).isFalse();
        nb.deleteResultSet("first");
        assertThat(nb.contains("first")).isFalse();
    }

    @Test
    void alreadyAddsOrSelectsASet() {
        LabNotebook nb = new LabNotebook();
        assertThat(nb.already("second")).isFalse();
        assertThat(nb.currentTag()).isEqualTo("second");
        nb.addResult(ok(1));
        nb.select(DEFAULT);
        assertThat(nb.already("second", "ignored")).isTrue();
        assertThat(nb.currentTag()).isEqualTo("second");
        assertThat(nb.numberOfResults()).isEqualTo(1);
        assertThat(nb.current().description()).isNotEqualTo("ignored");
    }

    @Test
    void readinessIsPerSetAndFollowsSelect() {
        LabNotebook nb = new LabNotebook();
        nb.addResultSet("one");
        assertThat(nb.ready()).isTrue();
        nb.addPendingResult(map("a", 1), "j1");
        assertThat(nb.ready()).isFalse();
        assertThat(nb.ready("one")).isFalse();
        nb.addResultSet("two");
        nb.addPendingResult(map("a", 2), "j2");
        nb.resolvePendingResult(ok(1), "j1");
        assertThat(nb.ready("one")).isTrue();
        assertThat(nb.ready("two")).isFalse();
        assertThat(nb.ready()).isFalse();
        nb.select("one");
        assertThat(nb.ready()).isTrue();
    }

    // a job's result goes to the set that holds it, whichever is current
    @Test
    void resolvingGoesToTheSetHoldingTheJob() {
        LabNotebook nb = new LabNotebook();
        nb.addResultSet("one");
        nb.addPendingResult(map("a", 1), "j1");
        nb.addResultSet("two");
        nb.resolvePendingResult(ok(1), "j1");
        assertThat(nb.currentTag()).isEqualTo("two");
        assertThat(nb.numberOfResults("one")).isEqualTo(1);
        assertThat(nb.numberOfResults("two")).isZero();
    }

    @Test
    void pendingJobMayHaveAListParameter() {
        LabNotebook nb = new LabNotebook();
        nb.addPendingResult(map("a", List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)), "j");
        assertThat(nb.pendingResults()).containsExactly("j");
        assertThat(nb.pendingResultParameters("j").get("a")).isEqualTo(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L));
    }

    @Test
    void pendingResultParametersGivesTheJobsParameters() {
        LabNotebook nb = new LabNotebook();
        nb.addPendingResult(map("a", 1, "b", "x"), "j");
        assertThat(nb.pendingResultParameters("j").keySet()).containsExactlyInAnyOrder("a", "b");
        assertThatThrownBy(() -> nb.pendingResultParameters("nonesuch")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("nonesuch");
    }

    // Bad input: a value the notebook cannot store is refused, naming the name and its type, and
    // the notebook is left exactly as it was
    @Test
    void unstorableValuesAreRefusedAndChangeNothing() {
        LabNotebook nb = new LabNotebook();
        nb.addResult(ok(1));
        nb.addPendingResult(map("a", 2), "j");
        Snapshot before = Snapshot.of(nb);
        assertThatThrownBy(() -> nb.addResult(success(map("a", 3), map("total", 3, "when", new Date()))))
                .isInstanceOf(UnsupportedValueException.class)
                .hasMessageContaining("when").hasMessageContaining("java.util.Date");
        Map<String, Integer> dict = new HashMap<>();
        dict.put("x", 1);
        assertThatThrownBy(() -> nb.addResult(success(map("a", 3), map("total", 3, "dict", dict))))
                .isInstanceOf(UnsupportedValueException.class)
                .hasMessageContaining("dict").hasMessageContaining("java.util.HashMap");
        assertThatThrownBy(() -> nb.resolvePendingResult(success(map("a", 2), map("total", dict)), "j"))
                .isInstanceOf(UnsupportedValueException.class).hasMessageContaining("java.util.HashMap");
        assertThat(Snapshot.of(nb)).isEqualTo(before);
        nb.addResult(ok(3));
        nb.resolvePendingResult(ok(2), "j");
        assertThat(column(nb.dataframe(), "total")).containsExactly(1L, 3L, 2L);
    }

    // Bad input: several runs holding one bad value add none of them
    @Test
    void nestedResultsWithABadValueAddNothing() {
        LabNotebook nb = new LabNotebook();
        nb.addResult(ok(1));
        Snapshot before = Snapshot.of(nb);
        ResultsDict bad = success(map("a", 9), map("total", new Date()));
        assertThatThrownBy(() -> nb.addResult(ResultsDict.of(map(), map(Experiment.STATUS, true),
                List.of(ok(2), ok(3), bad)))).isInstanceOf(UnsupportedValueException.class);
        assertThat(Snapshot.of(nb)).isEqualTo(before);
        nb.addResult(ok(2));
        assertThat(nb.numberOfResults()).isEqualTo(2);
    }

    // Bad input: adding to a locked result set is refused and changes nothing; other sets still take results
    @Test
    void addingToALockedSetIsRefusedAndChangesNothing() {
        LabNotebook nb = new LabNotebook();
        nb.addResultSet("done");
        nb.addResult(ok(1));
        nb.current().finish();
        Snapshot before = Snapshot.of(nb);
        assertThatThrownBy(() -> nb.addResult(ok(2))).isInstanceOf(ResultSetLockedException.class)
                .hasMessageContaining("locked");
        assertThatThrownBy(() -> nb.addPendingResult(map("a", 3), "j")).isInstanceOf(ResultSetLockedException.class);
        assertThat(Snapshot.of(nb)).isEqualTo(before);
        nb.addResult(ok(2), DEFAULT);
        assertThat(nb.numberOfResults(DEFAULT)).isEqualTo(1);
    }

    // Bad input: resolving or cancelling an unknown job id is refused, naming it, and changes nothing
    @Test
    void unknownJobIdIsRefusedAndChangesNothing() {
        LabNotebook nb = new LabNotebook();
        nb.addResult(ok(1));
        nb.addPendingResult(map("a", 2), "j");
        Snapshot before = Snapshot.of(nb);
        assertThatThrownBy(() -> nb.resolvePendingResult(ok(7), "nonesuch"))
                .isInstanceOfSatisfying(PendingResultException.class, e -> assertThat(e.jobId()).isEqualTo("nonesuch"))
                .hasMessageContaining("nonesuch");
        assertThatThrownBy(() -> nb.cancelPendingResult("nonesuch")).isInstanceOf(PendingResultException.class)
                .hasMessageContaining("nonesuch");
        assertThat(Snapshot.of(nb)).isEqualTo(before);
        nb.addResult(ok(3));
        assertThat(nb.numberOfResults()).isEqualTo(2);
    }

    // Bad input: an experiment returning an unstorable value stops the lab with the same error
    @Test
    void labRunWithAnUnstorableResultIsRefused() {
        Lab lab = new Lab();
        lab.put("a", List.of(1));
        assertThatThrownBy(() -> lab.runExperiment(Experiment.of(p -> Map.of("when", new Date()))))
                .isInstanceOf(UnsupportedValueException.class).hasMessageContaining("when")
                .hasMessageContaining("java.util.Date");
        assertThat(lab.notebook().numberOfResults()).isZero();
        assertThat(lab.notebook().current().resultNames()).isEmpty();
    }

    // adding a set with an existing tag replaces it
    @Test
    void addResultSetWithAnExistingTagReplacesIt() {
        LabNotebook nb = new LabNotebook();
        nb.addResultSet("x");
        nb.addResult(ok(1));
        nb.addResultSet("x", "fresh");
        assertThat(nb.numberOfResults("x")).isZero();
        assertThat(nb.resultSet("x").description()).isEqualTo("fresh");
        assertThat(nb.resultSets()).containsExactly(DEFAULT, "x");
    }
}
