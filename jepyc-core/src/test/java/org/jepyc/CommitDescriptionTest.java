package org.jepyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jepyc.storage.Commit;
import org.jepyc.storage.NotebookStorage;
import org.jepyc.storage.PendingJob;
import org.jepyc.storage.SetCommit;
import org.jepyc.storage.StorageMode;
import org.jepyc.storage.StoredNotebook;
import org.junit.jupiter.api.Test;

/**
 * What the notebook hands a format at each commit: one immutable description of what changed
 * since the last commit, with the state the file holds beside the state now.
 */
class CommitDescriptionTest {

    /** A format that keeps the commits it is handed, and can be told to fail the next one. */
    static final class Recording implements NotebookStorage {
        final List<Commit> commits = new ArrayList<>();
        final Opened opened;
        boolean failNext;

        Recording(Opened opened) {
            this.opened = opened;
        }

        @Override public String name() { return "recorded"; }
        @Override public Opened open(StorageMode mode) { return opened; }
        @Override public StoredNotebook load() { throw new UnsupportedOperationException("nothing stored"); }

        @Override
        public void save(Commit commit) {
            if (failNext) {
                failNext = false;
                throw new NotebookException("disk full");
            }
            commits.add(commit);
        }

        Commit last() {
            return commits.get(commits.size() - 1);
        }
    }

    static final class Notebook extends LabNotebook {
        Notebook(Recording r) {
            super(r, OpenMode.OPEN_OR_CREATE, null);
        }
    }

    private static ResultsDict row(long k) {
        return new ResultsDict(Map.of("k", k), Map.of(Experiment.STATUS, true), Map.of("v", 2 * k));
    }

    private static SetCommit set(Commit c, String tag) {
        return c.sets().stream().filter(s -> s.tag().equals(tag)).findFirst().orElseThrow();
    }

    @Test
    void aNotebookOpenedAndClosedWithNothingAddedHandsNothingToItsFormat() {
        Recording r = new Recording(NotebookStorage.Opened.NOTHING_STORED);
        new Notebook(r).close();
        assertThat(r.commits).isEmpty();
    }

    @Test
    void aFormatThatCreatesItsFileAtOpenIsHandedTheEmptyNotebookAtOnce() {
        Recording r = new Recording(NotebookStorage.Opened.CREATED_AT_OPEN);
        Notebook nb = new Notebook(r);
        assertThat(r.commits).hasSize(1);
        assertThat(r.last().committed()).isNull();
        assertThat(set(r.last(), LabNotebook.DEFAULT_RESULTSET).isNew()).isTrue();
        nb.close();
        assertThat(r.commits).as("nothing changed since").hasSize(1);
    }

    @Test
    void eachCommitNamesTheRowsAppendedAndTheJobsAddedAndResolved() {
        Recording r = new Recording(NotebookStorage.Opened.NOTHING_STORED);
        Notebook nb = new Notebook(r);
        for (long k = 0; k < 3; k++) {
            nb.addResult(row(k));
        }
        nb.commit();
        SetCommit first = set(r.last(), LabNotebook.DEFAULT_RESULTSET);
        assertThat(first.schemaChanged()).isTrue();
        assertThat(first.firstNewRow()).isZero();
        assertThat(first.now().rows().count()).isEqualTo(3);

        nb.addResult(row(3));
        nb.addPendingResult(Map.of("k", 9L), "job-9");
        nb.addPendingResult(Map.of("k", 8L), "job-8");
        nb.commit();
        SetCommit second = set(r.last(), LabNotebook.DEFAULT_RESULTSET);
        assertThat(second.schemaChanged()).isFalse();
        assertThat(second.firstNewRow()).isEqualTo(3);
        assertThat(second.now().rows().count()).isEqualTo(4);
        assertThat(second.pendingAdded()).extracting(PendingJob::jobId).containsExactly("job-9", "job-8");
        assertThat(second.pendingResolved()).isEmpty();

        nb.resolvePendingResult(row(9), "job-9");
        nb.commit();
        SetCommit third = set(r.last(), LabNotebook.DEFAULT_RESULTSET);
        assertThat(third.firstNewRow()).isEqualTo(4);
        assertThat(third.pendingAdded()).isEmpty();
        assertThat(third.pendingResolved()).containsExactly("job-9");
        assertThat(third.now().pendingIds()).containsExactly("job-8");

        // the description handed over does not change with the notebook
        nb.addResult(row(10));
        assertThat(third.now().rows().count()).isEqualTo(5);
        assertThat(r.commits).hasSize(3);
        nb.commit();
        assertThat(r.commits).as("a commit with nothing new is not handed over").hasSize(4);
        nb.commit();
        assertThat(r.commits).hasSize(4);
    }

    @Test
    void aNewResultSetIsNewAndAnUnchangedOneIsNotChanged() {
        Recording r = new Recording(NotebookStorage.Opened.NOTHING_STORED);
        Notebook nb = new Notebook(r);
        nb.addResult(row(1));
        nb.commit();
        nb.addResultSet("second");
        nb.commit();
        assertThat(r.last().header().tags()).containsExactly(LabNotebook.DEFAULT_RESULTSET, "second");
        assertThat(r.last().header().currentTag()).isEqualTo("second");
        assertThat(set(r.last(), "second").isNew()).isTrue();
        assertThat(set(r.last(), LabNotebook.DEFAULT_RESULTSET).changed()).isFalse();
        // a set replaced under the same tag is new again: the file's rows are not its rows
        nb.select(LabNotebook.DEFAULT_RESULTSET);
        nb.addResultSet("second");
        nb.commit();
        assertThat(set(r.last(), "second").isNew()).isTrue();
    }

    @Test
    void aFailedCommitLeavesWhatTheFileHoldsAsItWasForTheNextCommit() {
        Recording r = new Recording(NotebookStorage.Opened.NOTHING_STORED);
        Notebook nb = new Notebook(r);
        nb.addResult(row(1));
        nb.commit();
        nb.addResult(row(2));
        r.failNext = true;
        assertThatThrownBy(nb::commit).isInstanceOf(NotebookException.class);
        assertThat(nb.current().isDirty()).isTrue();
        nb.addResult(row(3));
        nb.commit();
        SetCommit after = set(r.last(), LabNotebook.DEFAULT_RESULTSET);
        assertThat(after.firstNewRow()).isEqualTo(1);
        assertThat(after.now().rows().count()).isEqualTo(3);
        assertThat(nb.current().isDirty()).isFalse();
    }

    @Test
    void descriptionCurrentSetAndLockAreInTheHeader() {
        Recording r = new Recording(NotebookStorage.Opened.NOTHING_STORED);
        Notebook nb = new Notebook(r);
        nb.setDescription("described");
        nb.commit();
        assertThat(r.last().header().description()).isEqualTo("described");
        assertThat(r.last().committed().description()).isEqualTo(LabNotebook.DEFAULT_DESCRIPTION);
        nb.finish();
        assertThat(r.last().header().locked()).isTrue();
        assertThat(set(r.last(), LabNotebook.DEFAULT_RESULTSET).now().locked()).isTrue();
    }
}
