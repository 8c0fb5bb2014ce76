package org.jepyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jepyc.Fixtures.STANDARD_METADATA;
import static org.jepyc.Fixtures.column;
import static org.jepyc.Fixtures.columnNames;
import static org.jepyc.Fixtures.failure;
import static org.jepyc.Fixtures.map;
import static org.jepyc.Fixtures.success;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.dflib.DataFrame;
import org.jepyc.resultset.Category;
import org.jepyc.resultset.ValueType;
import org.junit.jupiter.api.Test;

/**
 * Port of epyc's test_resultsets.py. jepyc has no public dtype: epyc's inference tests
 * (items 79–93) are ported onto the names and the column types a set infers as it adds results
 * and pending jobs (the types read through the package-private table).
 */
class ResultSetTest {
    private static final Map<String, Object> P1 = map("k", 1, "singleton", 5);
    private static final Map<String, Object> R1 = map("total", 1.5, "first", 1, "flag", true);

    private static ValueType type(ResultSet rs, Category c, String name) {
        return rs.table().column(c, name).type();
    }

    /** A snapshot of what a set holds, to show that a refused change left it as it was. */
    private record Snapshot(int rows, int pending, List<String> metadata, List<String> parameters,
                            List<String> results, List<ResultsDict> contents) {
        static Snapshot of(ResultSet rs) {
            return new Snapshot(rs.numberOfResults(), rs.numberOfPendingResults(), rs.metadataNames(),
                    rs.parameterNames(), rs.resultNames(), rs.results());
        }
    }

    @Test
    void descriptionIsTheOneGivenOrADefault() {
        assertThat(new ResultSet("a description").description()).isEqualTo("a description");
        assertThat(new ResultSet().description()).isNotNull().startsWith("Results collected on ");
    }

    // epyc's dtype() raises before inference; here, a new set has no schema at all
    @Test
    void newSetHasNoSchema() {
        ResultSet rs = new ResultSet();
        assertThat(rs.metadataNames()).isEmpty();
        assertThat(rs.parameterNames()).isEmpty();
        assertThat(rs.resultNames()).isEmpty();
        assertThat(rs.table().columns()).isEmpty();
        assertThat(rs.dataframe().width()).isZero();
        assertThat(rs.dataframe().height()).isZero();
    }

    @Test
    void successfulResultGivesStandardMetadataAndItsOwnNames() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        assertThat(rs.metadataNames()).isEqualTo(STANDARD_METADATA);
        assertThat(rs.parameterNames()).containsExactly("k", "singleton");
        assertThat(rs.resultNames()).containsExactly("first", "flag", "total");
    }

    // timestamps are a timestamp type in memory
    @Test
    void successfulResultTypesItsColumns() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        assertThat(type(rs, Category.PARAMETERS, "k")).isEqualTo(ValueType.INT);
        assertThat(type(rs, Category.PARAMETERS, "singleton")).isEqualTo(ValueType.INT);
        assertThat(type(rs, Category.RESULTS, "first")).isEqualTo(ValueType.INT);
        assertThat(type(rs, Category.RESULTS, "total")).isEqualTo(ValueType.FLOAT);
        assertThat(type(rs, Category.RESULTS, "flag")).isEqualTo(ValueType.BOOL);
        assertThat(type(rs, Category.METADATA, Experiment.START_TIME)).isEqualTo(ValueType.TIMESTAMP);
        assertThat(type(rs, Category.METADATA, Experiment.EXCEPTION)).isEqualTo(ValueType.STRING);
    }

    @Test
    void failedResultGivesNoResultNames() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(failure(P1, "broken"));
        assertThat(rs.resultNames()).isEmpty();
        assertThat(rs.parameterNames()).containsExactly("k", "singleton");
        assertThat(rs.metadataNames()).isEqualTo(STANDARD_METADATA);
        assertThat(type(rs, Category.METADATA, Experiment.EXCEPTION)).isEqualTo(ValueType.STRING);
        assertThat(type(rs, Category.METADATA, Experiment.TRACEBACK)).isEqualTo(ValueType.STRING);
    }

    private static ResultsDict withMetadata(ResultsDict r, String k, Object v) {
        return r.withMetadata(k, v);
    }

    @Test
    void extraMetadataJoinsTheMetadataNamesWithItsType() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(withMetadata(success(P1, R1), "extra.flag", true));
        assertThat(rs.metadataNames()).contains("extra.flag").hasSize(11);
        assertThat(type(rs, Category.METADATA, "extra.flag")).isEqualTo(ValueType.BOOL);
        rs.addSingleResult(withMetadata(success(P1, R1), "extra.name", "x"));
        assertThat(rs.metadataNames()).contains("extra.flag", "extra.name").hasSize(12).isSorted();
        assertThat(type(rs, Category.METADATA, "extra.name")).isEqualTo(ValueType.STRING);
    }

    @Test
    void laterResultExtendsTheResultNamesAndKeepsTheOld() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        rs.addSingleResult(success(P1, map("total", 2.5, "first", 2, "extra", "text")));
        assertThat(rs.resultNames()).containsExactly("extra", "first", "flag", "total");
        assertThat(type(rs, Category.RESULTS, "extra")).isEqualTo(ValueType.STRING);
        assertThat(rs.parameterNames()).containsExactly("k", "singleton");
    }

    // partly ported: inference is not separate from adding in jepyc, so only "the first
    // result changes the column structure" ports (epyc's "inference alone leaves it clean" cannot)
    @Test
    void firstResultChangesTheColumnStructure() {
        ResultSet rs = new ResultSet();
        assertThat(rs.isTypeChanged()).isFalse();
        rs.addSingleResult(success(P1, R1));
        assertThat(rs.isTypeChanged()).isTrue();
    }

    // markSaved is what a successful commit does (epyc's typechanged(False))
    @Test
    void newNamesAfterASaveChangeTheStructureAgain() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        rs.markSaved();
        assertThat(rs.isTypeChanged()).isFalse();
        rs.addSingleResult(success(map("k", 2, "j", 3, "singleton", 5),
                map("total", 2.5, "first", 2, "flag", false, "extra", "x")));
        assertThat(rs.isTypeChanged()).isTrue();
        assertThat(rs.parameterNames()).containsExactly("j", "k", "singleton");
        assertThat(rs.resultNames()).containsExactly("extra", "first", "flag", "total");
    }

    @Test
    void addingAResultInfersItsSchemaAndMakesTheSetDirty() {
        ResultSet rs = new ResultSet();
        assertThat(rs.isDirty()).isFalse();
        rs.addSingleResult(success(P1, R1));
        assertThat(rs.isDirty()).isTrue();
        assertThat(rs.resultNames()).containsExactly("first", "flag", "total");
        assertThat(type(rs, Category.RESULTS, "first")).isEqualTo(ValueType.INT);
    }

    @Test
    void newColumnsZeroFillEarlierRows() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        rs.addSingleResult(success(P1, map("total", 2.5, "first", 2, "flag", true, "extra", "hello")));
        assertThat(column(rs.dataframe(), "extra")).containsExactly("", "hello");
    }

    @Test
    void pendingResultTypesOnlyTheParameters() {
        ResultSet rs = new ResultSet();
        rs.addPendingResult(P1, "1");
        assertThat(rs.metadataNames()).isEmpty();
        assertThat(rs.resultNames()).isEmpty();
        assertThat(rs.parameterNames()).containsExactly("k", "singleton");
        assertThat(type(rs, Category.PARAMETERS, "k")).isEqualTo(ValueType.INT);
        assertThat(type(rs, Category.PARAMETERS, "singleton")).isEqualTo(ValueType.INT);
    }

    @Test
    void pendingResultWithAFloatParameterExtendsTheParameters() {
        ResultSet rs = new ResultSet();
        rs.addPendingResult(P1, "1");
        rs.addPendingResult(map("k", 2, "j", 0.5, "singleton", 5), "2");
        assertThat(rs.parameterNames()).containsExactly("j", "k", "singleton");
        assertThat(type(rs, Category.PARAMETERS, "j")).isEqualTo(ValueType.FLOAT);
        assertThat(type(rs, Category.PARAMETERS, "k")).isEqualTo(ValueType.INT);
        assertThat(type(rs, Category.PARAMETERS, "singleton")).isEqualTo(ValueType.INT);
    }

    @Test
    void resultAfterPendingTypesMetadataAndResults() {
        ResultSet rs = new ResultSet();
        rs.addPendingResult(P1, "1");
        rs.addSingleResult(success(P1, map("total", 3.0, "first", 1)));
        assertThat(rs.metadataNames()).isEqualTo(STANDARD_METADATA);
        assertThat(rs.resultNames()).containsExactly("first", "total");
        assertThat(type(rs, Category.RESULTS, "total")).isEqualTo(ValueType.FLOAT);
        assertThat(type(rs, Category.RESULTS, "first")).isEqualTo(ValueType.INT);
        assertThat(type(rs, Category.PARAMETERS, "k")).isEqualTo(ValueType.INT);
    }

    // (the "not dirty" half cannot port: adding always dirties)
    @Test
    void sameShapedResultKeepsTheStructure() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        List<ValueType> before = rs.table().columns().stream().map(c -> c.column().type()).toList();
        rs.markSaved();
        rs.addSingleResult(success(map("k", 2, "singleton", 5), map("total", 2.0, "first", 3, "flag", false)));
        assertThat(rs.isTypeChanged()).isFalse();
        assertThat(rs.table().columns().stream().map(c -> c.column().type()).toList()).isEqualTo(before);
    }

    @Test
    void resultAfterPendingCanAddAFloatParameter() {
        ResultSet rs = new ResultSet();
        rs.addPendingResult(P1, "1");
        rs.addSingleResult(success(map("k", 1, "j", 0.25, "singleton", 5), R1));
        assertThat(rs.parameterNames()).containsExactly("j", "k", "singleton");
        assertThat(type(rs, Category.PARAMETERS, "j")).isEqualTo(ValueType.FLOAT);
    }

    @Test
    void attributeIsStoredWithoutCountingAsAResult() {
        ResultSet rs = new ResultSet();
        rs.setAttribute("number1", "1");
        assertThat(rs.getAttribute("number1")).isEqualTo("1");
        assertThat(rs.attributeNames()).hasSize(1);
        assertThat(rs.numberOfResults()).isZero();
    }

    @Test
    void hasAttributeFindsOnlySetAttributes() {
        ResultSet rs = new ResultSet();
        rs.setAttribute("number1", "1");
        assertThat(rs.hasAttribute("number1")).isTrue();
        assertThat(rs.hasAttribute("number2")).isFalse();
    }

    @Test
    void missingAttributeIsANoSuchElementNamingIt() {
        ResultSet rs = new ResultSet();
        assertThatThrownBy(() -> rs.getAttribute("number2")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("number2");
    }

    @Test
    void deletedAttributeIsGone() {
        ResultSet rs = new ResultSet();
        rs.setAttribute("number1", "1");
        rs.deleteAttribute("number1");
        assertThatThrownBy(() -> rs.getAttribute("number1")).isInstanceOf(NoSuchElementException.class);
        assertThat(rs.attributeNames()).isEmpty();
        assertThat(rs.hasAttribute("number1")).isFalse();
        assertThatThrownBy(() -> rs.deleteAttribute("number1")).isInstanceOf(NoSuchElementException.class);
    }

    // where epyc is wrong, jepyc fixes it: the housekeeping names of the file formats are refused as attribute names
    @Test
    void reservedAttributeNamesAreRefused() {
        ResultSet rs = new ResultSet();
        for (String k : List.of("description", "locked", "results", "pending-results")) {
            assertThatThrownBy(() -> rs.setAttribute(k, "x")).as(k).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + k + "'");
        }
        assertThat(rs.attributeNames()).isEmpty();
        rs.setAttribute("units", "m/s");
        assertThat(rs.getAttribute("units")).isEqualTo("m/s");
    }

    @Test
    void parameterNamesAreThoseOfTheFirstResult() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        assertThat(rs.parameterNames()).containsExactlyInAnyOrderElementsOf(P1.keySet());
    }

    @Test
    void newParameterZeroFillsEarlierRows() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        rs.addSingleResult(success(map("k", 2, "singleton", 5), R1));
        rs.addSingleResult(success(map("k", 3, "singleton", 5, "radically", "wrong"), R1));
        assertThat(column(rs.dataframe(), "radically")).containsExactly("", "", "wrong");
    }

    @Test
    void dataframeForSelectsTheRowsAtAPoint() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        assertThat(rs.dataframeFor(P1).height()).isEqualTo(1);
        rs.addSingleResult(success(P1, R1));
        assertThat(rs.dataframeFor(P1).height()).isEqualTo(2);
        assertThat(rs.dataframeFor(map("k", 99, "singleton", 5)).height()).isZero();
    }

    @Test
    void dataframeForAfterASchemaChangeStillFindsOldRows() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        rs.addSingleResult(success(map("k", 2, "singleton", 5, "radically", "wrong"), R1));
        DataFrame df = rs.dataframeFor(P1);
        assertThat(df.height()).isEqualTo(1);
        assertThat(column(df, "radically")).containsExactly("");
    }

    private static ResultSet threeWithAdditional() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(map("k", 1, "singleton", 5, "additional", 0), R1));
        rs.addSingleResult(success(map("k", 2, "singleton", 6, "additional", 0), R1));
        rs.addSingleResult(success(map("k", 3, "singleton", 5, "additional", 1), R1));
        return rs;
    }

    @Test
    void dataframeForFiltersByASubsetOfParameters() {
        ResultSet rs = threeWithAdditional();
        assertThat(rs.dataframeFor(map("additional", 0)).height()).isEqualTo(2);
        assertThat(rs.dataframeFor(map("additional", 1)).height()).isEqualTo(1);
    }

    @Test
    void dataframeForFiltersAndTogether() {
        ResultSet rs = threeWithAdditional();
        assertThat(rs.dataframeFor(map("additional", 0)).height()).isEqualTo(2);
        assertThat(rs.dataframeFor(map("additional", 0, "singleton", 5)).height()).isEqualTo(1);
        assertThat(rs.dataframeFor(map("additional", 0, "singleton", 0)).height()).isZero();
    }

    @Test
    void dataframeForTakesAListAsAnyOfItsValues() {
        ResultSet rs = threeWithAdditional();
        assertThat(rs.dataframeFor(map("additional", List.of(0, 1))).height()).isEqualTo(3);
        assertThat(rs.dataframeFor(map("additional", List.of(0, 1), "singleton", 5)).height()).isEqualTo(2);
    }

    // where epyc is wrong, jepyc fixes it: a list value is compared with the named column only, and a string is one value
    @Test
    void listFilterMatchesOnlyTheNamedColumn() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(map("a", 0, "b", 7, "name", "ab"), R1));
        rs.addSingleResult(success(map("a", 7, "b", 0, "name", "b"), R1));
        assertThat(column(rs.dataframeFor(map("a", List.of(0))), "b")).containsExactly(7L);
        assertThat(rs.dataframeFor(map("name", "ab")).height()).isEqualTo(1);
        assertThat(rs.pendingResultsFor(map("a", List.of(0)))).isEmpty();
        rs.addPendingResult(map("a", 1, "b", 0, "name", "x"), "job");
        assertThat(rs.pendingResultsFor(map("a", List.of(0)))).isEmpty();
        assertThat(rs.pendingResultsFor(map("b", List.of(0, 3)))).containsExactly("job");
    }

    // the returned frame is detached from the set, both ways
    @Test
    void changingTheDataframeDoesNotChangeTheSet() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        DataFrame df = rs.dataframe();
        DataFrame changed = df.cols("first").fill(99L);
        assertThat(column(changed, "first")).containsExactly(99L);
        assertThat(column(rs.dataframe(), "first")).containsExactly(1L);
        assertThat(rs.results().get(0).results().get("first")).isEqualTo(1L);
        rs.addSingleResult(success(P1, map("total", 0.0, "first", 2, "flag", true, "extra", "x")));
        assertThat(df.height()).isEqualTo(1);
        assertThat(columnNames(df)).doesNotContain("extra");
    }

    @Test
    void dataframeForNothingGivesEveryRow() {
        assertThat(threeWithAdditional().dataframeFor(map()).height()).isEqualTo(3);
    }

    // with no results, dataframeFor gives an empty frame without checking names
    @Test
    void dataframeForOnAnEmptySetIsEmptyWhateverTheNames() {
        assertThat(new ResultSet().dataframeFor(map("nonesuch", 1)).height()).isZero();
    }

    // once there are results, unknown names are refused
    @Test
    void dataframeForUnknownParameterIsRefused() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        assertThatThrownBy(() -> rs.dataframeFor(map("nonesuch", 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nonesuch");
    }

    @Test
    void numberOfResultsCountsAddedResults() {
        ResultSet rs = new ResultSet();
        assertThat(rs.numberOfResults()).isZero();
        rs.addSingleResult(success(P1, R1));
        assertThat(rs.numberOfResults()).isEqualTo(1);
    }

    @Test
    void resultWithNoResultValuesIsStored() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, map()));
        assertThat(rs.numberOfResults()).isEqualTo(1);
        assertThat(rs.resultNames()).isEmpty();
        List<ResultsDict> back = rs.resultsFor(P1);
        assertThat(back).hasSize(1);
        assertThat(back.get(0).results()).isEmpty();
    }

    @Test
    void listsOfDifferentLengthsShareAColumn() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(map("k", 1), map("l", List.of(1, 2, 3))));
        rs.addSingleResult(success(map("k", 2), map("l", List.of(4, 5, 6))));
        rs.addSingleResult(success(map("k", 3), map("l", new int[] {7, 8, 9, 10, 11})));
        assertThat(rs.numberOfResults()).isEqualTo(3);
        assertThat(column(rs.dataframe(), "l")).containsExactly(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L),
                List.of(7L, 8L, 9L, 10L, 11L));
    }

    // where epyc is wrong, jepyc fixes it: a list column zero-fills with an empty list, for failed rows and for rows
    // added before the column existed
    @Test
    void listColumnZeroFillsWithAnEmptyList() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(map("k", 1), map("n", 1)));
        rs.addSingleResult(success(map("k", 2), map("n", 2, "l", List.of(1.5, 2.5))));
        rs.addSingleResult(failure(map("k", 3), "failed"));
        assertThat(column(rs.dataframe(), "l")).containsExactly(List.of(), List.of(1.5, 2.5), List.of());
    }

    @Test
    void cancelledPendingResultBecomesAFailedRow() {
        ResultSet rs = new ResultSet();
        rs.addPendingResult(P1, "1234");
        rs.addSingleResult(success(P1, R1));
        rs.cancelPendingResult("1234");
        assertThat(rs.pendingResults()).isEmpty();
        assertThat(rs.dataframeFor(P1).height()).isEqualTo(2);
        DataFrame ok = rs.dataframeFor(P1, true);
        assertThat(ok.height()).isEqualTo(1);
        assertThat(column(ok, "first")).containsExactly(1L);
    }

    @Test
    void pendingResultsForMatchesPartialPoints() {
        ResultSet rs = new ResultSet();
        assertThat(rs.pendingResultsFor(map("a", 10))).isEmpty();
        rs.addPendingResult(map("a", 10, "b", 50, "c", "fifty"), "1");
        assertThat(rs.pendingResultsFor(map("a", 10))).hasSize(1);
        rs.addPendingResult(map("a", 10, "b", 90, "c", "ninety"), "2");
        rs.addPendingResult(map("a", 10, "b", 90, "c", "ninety"), "3");
        assertThat(rs.pendingResultsFor(map("a", 10))).hasSize(3);
        assertThat(rs.pendingResultsFor(map("b", 50))).hasSize(1);
        assertThat(rs.pendingResultsFor(map("a", 10, "b", 50))).hasSize(1);
        assertThat(rs.pendingResultsFor(map("a", 15, "b", 50))).isEmpty();
    }

    @Test
    void numberOfPendingResultsCountsPendingJobs() {
        ResultSet rs = new ResultSet();
        assertThat(rs.numberOfPendingResults()).isZero();
        rs.addPendingResult(P1, "1");
        assertThat(rs.numberOfPendingResults()).isEqualTo(1);
    }

    @Test
    void unknownJobIdCannotBeCancelledOrResolved() {
        ResultSet rs = new ResultSet();
        rs.addPendingResult(P1, "1");
        assertThatThrownBy(() -> rs.cancelPendingResult("2")).isInstanceOf(PendingResultException.class)
                .hasMessageContaining("2");
        assertThatThrownBy(() -> rs.resolvePendingResult(success(P1, R1), "2"))
                .isInstanceOfSatisfying(PendingResultException.class, e -> assertThat(e.jobId()).isEqualTo("2"));
    }

    // Bad input: resolving an unknown job id leaves the set exactly as it was
    @Test
    void resolvingAnUnknownJobChangesNothing() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        rs.addPendingResult(P1, "1");
        Snapshot before = Snapshot.of(rs);
        assertThatThrownBy(() -> rs.resolvePendingResult(success(map("k", 7, "singleton", 5, "new", 1),
                map("other", 1)), "nonesuch")).isInstanceOf(PendingResultException.class).hasMessageContaining("nonesuch");
        assertThat(Snapshot.of(rs)).isEqualTo(before);
        rs.resolvePendingResult(success(P1, R1), "1");
        assertThat(rs.numberOfResults()).isEqualTo(2);
    }

    @Test
    void duplicatePendingJobIdIsRefused() {
        ResultSet rs = new ResultSet();
        rs.addPendingResult(P1, "1");
        assertThatThrownBy(() -> rs.addPendingResult(P1, "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1");
        assertThat(rs.pendingResults()).containsExactly("1");
    }

    @Test
    void cancellingAJobThatDoesNotExistIsRefused() {
        ResultSet rs = new ResultSet();
        assertThatThrownBy(() -> rs.cancelPendingResult("1")).isInstanceOf(PendingResultException.class);
        assertThat(rs.numberOfResults()).isZero();
    }

    @Test
    void cancellingTwiceIsRefusedTheSecondTime() {
        ResultSet rs = new ResultSet();
        rs.addPendingResult(P1, "1");
        rs.cancelPendingResult("1");
        assertThatThrownBy(() -> rs.cancelPendingResult("1")).isInstanceOf(PendingResultException.class);
        assertThat(rs.numberOfResults()).isEqualTo(1);
    }

    @Test
    void pendingJobsMayShareParameters() {
        ResultSet rs = new ResultSet();
        rs.addPendingResult(P1, "1");
        rs.addPendingResult(P1, "2");
        assertThat(rs.pendingResults()).containsExactly("1", "2");
    }

    @Test
    void cancelledRowsAreZeroFilledBesideRealOnes() {
        ResultSet rs = new ResultSet();
        rs.addPendingResult(P1, "1");
        rs.addPendingResult(P1, "2");
        rs.addSingleResult(success(P1, map("total", 1.0, "first", 1, "flag", true)));
        rs.addSingleResult(success(P1, map("total", 2.0, "first", 2, "flag", true)));
        rs.cancelPendingResult("1");
        rs.cancelPendingResult("2");
        assertThat(column(rs.dataframe(), "first")).containsExactlyInAnyOrder(0L, 0L, 1L, 2L);
        assertThat(column(rs.dataframe(true), "first")).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void pendingResultMayAddParametersButNotLackThem() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        rs.addPendingResult(map("k", 1, "singleton", 5, "more", 2), "1");
        assertThat(rs.parameterNames()).containsExactly("k", "more", "singleton");
        assertThatThrownBy(() -> rs.addPendingResult(map("k", 1), "2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("singleton");
        assertThat(rs.pendingResults()).containsExactly("1");
    }

    // where epyc is wrong, jepyc fixes it: a pending job's new parameter joins the results' schema at once, zero-filling
    // the rows there, and its resolution stores its value
    @Test
    void pendingResultsNewParameterJoinsTheResultsSchema() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        Map<String, Object> p2 = map("k", 2, "singleton", 5, "extra", "e");
        rs.addPendingResult(p2, "j");
        assertThat(columnNames(rs.dataframe())).contains("extra");
        assertThat(column(rs.dataframe(), "extra")).containsExactly("");
        assertThat(rs.pendingResultParameters("j")).isEqualTo(map("k", 2L, "singleton", 5L, "extra", "e"));
        rs.resolvePendingResult(success(p2, R1), "j");
        assertThat(column(rs.dataframe(), "extra")).containsExactly("", "e");
        assertThat(rs.resultsFor(map("extra", "e"))).hasSize(1);
    }

    // the stored exception is its message (epyc keeps the object in memory)
    @Test
    void cancellingRemovesOnlyThatJobAndRecordsCancelled() {
        ResultSet rs = new ResultSet();
        rs.addPendingResult(P1, "1");
        rs.addPendingResult(map("k", 2, "singleton", 5), "2");
        rs.cancelPendingResult("1");
        assertThat(rs.pendingResults()).containsExactly("2");
        ResultsDict cancelled = rs.results().get(0);
        assertThat(cancelled.success()).isFalse();
        assertThat(cancelled.metadata().get(Experiment.EXCEPTION)).isEqualTo("Cancelled");
        assertThat(cancelled.parameters()).isEqualTo(map("k", 1L, "singleton", 5L));
        assertThat(cancelled.metadata().get(Experiment.END_TIME)).isInstanceOf(LocalDateTime.class);
        assertThat((String) cancelled.metadata().get(Experiment.TRACEBACK)).contains(CancelledException.class.getName());
    }

    @Test
    void failedResultWithoutResultsReadsBackItsMetadataAndParameters() {
        ResultSet rs = new ResultSet();
        ResultsDict f = failure(P1, "went wrong");
        rs.addSingleResult(f);
        assertThat(rs.numberOfResults()).isEqualTo(1);
        ResultsDict back = rs.resultsFor(P1).get(0);
        assertThat(back.parameters()).isEqualTo(map("k", 1L, "singleton", 5L));
        assertThat(back.metadata()).containsEntry(Experiment.STATUS, false)
                .containsEntry(Experiment.EXCEPTION, "went wrong")
                .containsEntry(Experiment.TRACEBACK, f.metadata().get(Experiment.TRACEBACK));
        assertThat(back.results()).isEmpty();
    }

    @Test
    void mixedSequenceOfResultsPendingResolvesAndCancels() {
        ResultSet rs = new ResultSet();
        Map<String, Object> p2 = map("k", 2, "singleton", 5);
        Map<String, Object> p3 = map("k", 3, "singleton", 5);
        rs.addSingleResult(success(P1, R1));
        assertThat(rs.ready()).isTrue();
        rs.addPendingResult(p2, "2");
        assertThat(rs.ready()).isFalse();
        assertThat(rs.numberOfResults()).isEqualTo(1);
        rs.addPendingResult(p3, "3");
        rs.resolvePendingResult(success(p2, R1), "2");
        rs.cancelPendingResult("3");
        assertThat(rs.numberOfResults()).isEqualTo(3);
        assertThat(rs.ready()).isTrue();
        assertThat(rs.dataframeFor(p3).height()).isEqualTo(1);
        assertThat(rs.dataframeFor(p3, true).height()).isZero();
        rs.addPendingResult(p3, "3");
        rs.cancelPendingResult("3");
        assertThat(rs.numberOfResults()).isEqualTo(4);
        assertThat(rs.dataframeFor(p3).height()).isEqualTo(2);
        assertThat(rs.ready()).isTrue();
    }

    // resolvePendingResult stores the result as the job's row
    @Test
    void resolvingStoresTheResultAsTheJobsRow() {
        ResultSet rs = new ResultSet();
        rs.addPendingResult(P1, "1");
        rs.resolvePendingResult(success(P1, R1), "1");
        assertThat(rs.isPending("1")).isFalse();
        assertThat(rs.numberOfResults()).isEqualTo(1);
        assertThat(rs.results().get(0).results()).isEqualTo(map("first", 1L, "flag", true, "total", 1.5));
    }

    @Test
    void finishCancelsPendingJobsAndLocks() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        rs.addPendingResult(P1, "1");
        rs.finish();
        assertThat(rs.numberOfResults()).isEqualTo(2);
        assertThat(rs.numberOfPendingResults()).isZero();
        assertThat(rs.isLocked()).isTrue();
    }

    @Test
    void lockedSetRefusesChanges() {
        ResultSet rs = new ResultSet();
        rs.finish();
        assertThatThrownBy(() -> rs.addSingleResult(success(P1, R1))).isInstanceOf(ResultSetLockedException.class);
        assertThatThrownBy(() -> rs.addPendingResult(P1, "1")).isInstanceOf(ResultSetLockedException.class);
        assertThatThrownBy(() -> rs.setAttribute("a", 1)).isInstanceOf(ResultSetLockedException.class);
    }

    @Test
    void lockedSetCanStillBeRead() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        rs.addPendingResult(P1, "1");
        rs.finish();
        assertThat(rs.results()).hasSize(2);
        assertThat(rs.dataframe().height()).isEqualTo(2);
    }

    // a result set's data frame defaults to every row, failures included
    @Test
    void resultSetDataframeDefaultsToAllRows() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        rs.addSingleResult(failure(P1, "no"));
        assertThat(rs.dataframe().height()).isEqualTo(2);
        assertThat(rs.dataframe(true).height()).isEqualTo(1);
    }

    // one row per result in the order added; columns in canonical order
    @Test
    void rowsAreInOrderAddedAndColumnsInCanonicalOrder() {
        ResultSet rs = new ResultSet();
        for (int i = 0; i < 5; i++) {
            rs.addSingleResult(success(map("z", 4 - i, "a", i), map("y", i, "b", i * 2)));
        }
        DataFrame df = rs.dataframe();
        assertThat(column(df, "a")).containsExactly(0L, 1L, 2L, 3L, 4L);
        List<String> expected = new ArrayList<>(STANDARD_METADATA);
        expected.addAll(List.of("a", "z", "b", "y"));
        assertThat(columnNames(df)).isEqualTo(expected);
    }

    // a successful row reads back with empty exception and traceback
    @Test
    void successfulRowReadsBackWithEmptyExceptionAndTraceback() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        Map<String, Object> md = rs.results().get(0).metadata();
        assertThat(md).containsEntry(Experiment.EXCEPTION, "").containsEntry(Experiment.TRACEBACK, "");
        assertThat(md.keySet()).containsExactlyInAnyOrderElementsOf(STANDARD_METADATA);
    }

    // a failed row's own result values are thrown away (teardown failure keeps them in the dict)
    @Test
    void failedRowDropsItsResultValues() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        ResultsDict f = new ResultsDict(P1, map(Experiment.STATUS, false), map("first", 9, "total", 9.0));
        rs.addSingleResult(f);
        assertThat(column(rs.dataframe(), "first")).containsExactly(1L, 0L);
        assertThat(rs.results().get(1).results()).isEmpty();
    }

    // values come back as Long, Double, Boolean, String, LocalDateTime, List, Complex
    @Test
    void valuesReadBackInTheirCanonicalTypes() {
        ResultSet rs = new ResultSet();
        LocalDateTime when = LocalDateTime.of(2020, 12, 18, 12, 46, 37, 589_256_000);
        rs.addSingleResult(success(map("i", 3, "s", (short) 2, "f", 0.5f),
                map("b", true, "t", "text", "when", when, "l", List.of(1, 2), "z", new Complex(1, -2),
                        "bytes", (byte) 7)));
        ResultsDict back = rs.results().get(0);
        assertThat(back.parameters()).isEqualTo(map("f", 0.5, "i", 3L, "s", 2L));
        assertThat(back.results()).isEqualTo(map("b", true, "bytes", 7L, "l", List.of(1L, 2L), "t", "text",
                "when", when, "z", new Complex(1, -2)));
    }

    // a complex cell with nothing in it (a row from before the column, a failed row) comes back
    // as the user's Complex zero, wherever values leave the set
    @Test
    void emptyComplexCellsReadBackAsTheUsersZero() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(map("k", 1), map("v", 1.0)));
        rs.addSingleResult(success(map("k", 2, "z", new Complex(1, 2)), map("v", 2.0, "w", new Complex(3, 4))));
        rs.addSingleResult(failure(map("k", 3, "z", new Complex(5, 6)), "failed"));
        Complex zero = new Complex(0, 0);

        List<ResultsDict> back = rs.results();
        assertThat(back.get(0).parameters().get("z")).isInstanceOf(Complex.class).isEqualTo(zero);
        assertThat(back.get(0).results().get("w")).isInstanceOf(Complex.class).isEqualTo(zero);
        assertThat(back.get(1).results().get("w")).isEqualTo(new Complex(3, 4));
        assertThat(column(rs.dataframe(), "z")).containsExactly(zero, new Complex(1, 2), new Complex(5, 6))
                .allSatisfy(v -> assertThat(v).isInstanceOf(Complex.class));
        assertThat(column(rs.dataframe(), "w")).containsExactly(zero, new Complex(3, 4), zero)
                .allSatisfy(v -> assertThat(v).isInstanceOf(Complex.class));
        assertThat(column(rs.dataframeFor(map("k", List.of(1, 3))), "w")).containsExactly(zero, zero);
        assertThat(rs.parameterRange("z")).containsExactly(zero, new Complex(1, 2), new Complex(5, 6))
                .allSatisfy(v -> assertThat(v).isInstanceOf(Complex.class));
        // a query for the zero finds the empty cell
        assertThat(rs.resultsFor(map("z", zero))).extracting(r -> r.parameters().get("k")).containsExactly(1L);
        assertThat(rs.dataframeFor(map("z", zero)).height()).isEqualTo(1);
    }

    // Issue "Foundation": an integer column that later receives a double is widened to double
    @Test
    void integerColumnIsWidenedByADouble() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, map("v", 1)));
        rs.addSingleResult(success(P1, map("v", 2.5)));
        assertThat(type(rs, Category.RESULTS, "v")).isEqualTo(ValueType.FLOAT);
        assertThat(column(rs.dataframe(), "v")).containsExactly(1.0, 2.5);
    }

    // Bad input: a result value the set cannot store is refused, naming the name and the type,
    // and the set is left exactly as it was
    @Test
    void unstorableResultValueIsRefusedAndChangesNothing() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        Snapshot before = Snapshot.of(rs);
        assertThatThrownBy(() -> rs.addSingleResult(success(P1, map("total", 1.0, "first", 1, "flag", true,
                "when", new Date())))).isInstanceOf(UnsupportedValueException.class)
                .hasMessageContaining("when").hasMessageContaining("java.util.Date");
        assertThatThrownBy(() -> rs.addSingleResult(success(map("k", 1, "singleton", 5, "new", new HashMap<>()), R1)))
                .isInstanceOf(UnsupportedValueException.class)
                .hasMessageContaining("new").hasMessageContaining("java.util.HashMap");
        assertThat(Snapshot.of(rs)).isEqualTo(before);
        assertThat(rs.isTypeChanged()).isTrue();
        rs.addSingleResult(success(P1, R1));
        assertThat(rs.numberOfResults()).isEqualTo(2);
    }

    // Bad input: an unstorable value in an existing column is refused the same way
    @Test
    void unstorableValueInAnExistingColumnChangesNothing() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, map("v", 1, "w", "text")));
        rs.markSaved();
        Snapshot before = Snapshot.of(rs);
        assertThatThrownBy(() -> rs.addSingleResult(success(P1, map("v", 2.5, "w", new Date()))))
                .isInstanceOf(UnsupportedValueException.class)
                .hasMessageContaining("w").hasMessageContaining("java.util.Date");
        assertThat(Snapshot.of(rs)).isEqualTo(before);
        assertThat(rs.results().get(0).results().get("v")).isEqualTo(1L);
        assertThat(type(rs, Category.RESULTS, "v")).isEqualTo(ValueType.INT);
        assertThat(rs.isTypeChanged()).isFalse();
    }

    // Bad input: a null or blank name is refused and changes nothing
    @Test
    void nullOrBlankNameIsRefusedAndChangesNothing() {
        ResultSet rs = new ResultSet();
        rs.addSingleResult(success(P1, R1));
        Snapshot before = Snapshot.of(rs);
        Map<String, Object> nullName = new HashMap<>(R1);
        nullName.put(null, 1);
        assertThatThrownBy(() -> rs.addSingleResult(success(P1, nullName)))
                .isInstanceOf(UnsupportedValueException.class).hasMessageContaining("null or blank");
        assertThatThrownBy(() -> rs.addSingleResult(success(map("k", 1, "singleton", 5, " ", 1), R1)))
                .isInstanceOf(UnsupportedValueException.class).hasMessageContaining("null or blank");
        assertThatThrownBy(() -> rs.addPendingResult(map("k", 1, "singleton", 5, "", 1), "j"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null or blank");
        assertThat(Snapshot.of(rs)).isEqualTo(before);
        rs.addSingleResult(success(P1, R1));
        assertThat(rs.numberOfResults()).isEqualTo(2);
    }

    // Bad input: a null value is refused, naming it
    @Test
    void nullValueIsRefused() {
        ResultSet rs = new ResultSet();
        assertThatThrownBy(() -> rs.addSingleResult(success(P1, map("v", null))))
                .isInstanceOf(UnsupportedValueException.class).hasMessageContaining("v=null");
        assertThat(rs.numberOfResults()).isZero();
        assertThat(rs.parameterNames()).isEmpty();
    }

    // a result with no boolean status cannot be stored
    @Test
    void resultWithoutAStatusIsRefused() {
        ResultSet rs = new ResultSet();
        assertThatThrownBy(() -> rs.addSingleResult(new ResultsDict(P1, map(), R1)))
                .isInstanceOf(ResultsStructureException.class).hasMessageContaining(Experiment.STATUS);
        assertThat(rs.numberOfResults()).isZero();
    }

    // pendingResultParameters of an unknown job is a NoSuchElementException naming it
    @Test
    void pendingResultParametersOfAnUnknownJobIsRefused() {
        ResultSet rs = new ResultSet();
        rs.addPendingResult(P1, "1");
        assertThat(rs.pendingResultParameters("1")).isEqualTo(map("k", 1L, "singleton", 5L));
        assertThatThrownBy(() -> rs.pendingResultParameters("9")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("9");
    }

    // readyFraction counts cancelled results as results and is 1.0 when empty
    @Test
    void readyFractionCountsResultsAgainstPendingJobs() {
        ResultSet rs = new ResultSet();
        assertThat(rs.readyFraction()).isEqualTo(1.0);
        rs.addPendingResult(P1, "1");
        assertThat(rs.readyFraction()).isEqualTo(0.0);
        rs.addPendingResult(P1, "2");
        rs.cancelPendingResult("1");
        assertThat(rs.readyFraction()).isEqualTo(0.5);
    }
}
