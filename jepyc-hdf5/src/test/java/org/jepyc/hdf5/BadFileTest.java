package org.jepyc.hdf5;

import org.jepyc.fixtures.EpycFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jepyc.NotebookException;
import org.jepyc.NotebookExistsException;
import org.jepyc.NotebookFormatException;
import org.jepyc.NotebookVersionException;
import org.jepyc.OpenMode;
import org.jepyc.hdf5.h5.H5File;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged, foreign and future files: a clear exception naming the file, and the file untouched. */
class BadFileTest {

    @TempDir
    Path tmp;

    private void assertRefused(Path p, Class<? extends NotebookException> type, String why) throws Exception {
        String before = FixtureNotebookTest.sha256(p);
        assertThatThrownBy(() -> new Hdf5LabNotebook(p)).isInstanceOf(type).hasMessageContaining(p.getFileName().toString())
                .hasMessageContaining(why);
        assertThatThrownBy(() -> Hdf5LabNotebook.openReadOnly(p)).isInstanceOf(type);
        assertThat(FixtureNotebookTest.sha256(p)).as("file untouched").isEqualTo(before);
    }

    @Test
    void aFileThatIsNotHdf5IsRefusedUntouched() throws Exception {
        Path p = tmp.resolve("text.h5");
        Files.writeString(p, "this is not an HDF5 file\n".repeat(100));
        assertRefused(p, NotebookFormatException.class, "not an HDF5 file");
    }

    @Test
    void aTruncatedNotebookIsRefusedUntouched() throws Exception {
        Path p = tmp.resolve("truncated.h5");
        byte[] whole = EpycFixtures.bytes(EpycFixtures.TYPED_H5);
        Files.write(p, Arrays.copyOf(whole, whole.length / 2));
        assertRefused(p, NotebookFormatException.class, "truncated");
    }

    @Test
    void anHdf5FileThatIsNotANotebookIsRefusedUntouched() throws Exception {
        Path p = tmp.resolve("foreign.h5");
        H5File.create(p).close();
        assertRefused(p, NotebookFormatException.class, "not an epyc notebook");
    }

    @Test
    void aNotebookWithoutCurrentResultSetIsRefusedUntouched() throws Exception {
        Path p = tmp.resolve("uncommitted.h5");
        try (H5File f = H5File.create(p)) {
            f.attributes("/").writeString("version", "1");
        }
        assertRefused(p, NotebookFormatException.class, "current-resultset");
    }

    @Test
    void aFutureVersionIsRefusedUntouched() throws Exception {
        Path p = tmp.resolve("future.h5");
        try (H5File f = H5File.create(p)) {
            f.attributes("/").writeString("version", "2");
            f.attributes("/").writeString("current-resultset", "epyc.resultset.default");
        }
        assertRefused(p, NotebookVersionException.class, "got 2");
        try {
            new Hdf5LabNotebook(p).close();
        } catch (NotebookVersionException e) {
            assertThat(e.actualVersion()).isEqualTo("2");
            assertThat(e.expectedVersion()).isEqualTo("1");
        }
    }

    @Test
    void createNewRefusesAnExistingNotebookAndOverwriteReplacesIt() throws Exception {
        Path p = tmp.resolve("nb.h5");
        try (Hdf5LabNotebook nb = new Hdf5LabNotebook(p, true)) {
            nb.addResultSet("kept");
        }
        String before = FixtureNotebookTest.sha256(p);
        assertThatThrownBy(() -> new Hdf5LabNotebook(p, true)).isInstanceOf(NotebookExistsException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining("OVERWRITE");
        assertThat(FixtureNotebookTest.sha256(p)).isEqualTo(before);
        try (Hdf5LabNotebook nb = new Hdf5LabNotebook(p)) {
            assertThat(nb.resultSets()).contains("kept");   // OPEN_OR_CREATE loads, never truncates
        }
        try (Hdf5LabNotebook nb = new Hdf5LabNotebook(p, OpenMode.OVERWRITE, null)) {
            assertThat(nb.resultSets()).doesNotContain("kept");
        }
    }

    @Test
    void openReadOnlyOfAMissingFileCreatesNothing() {
        Path p = tmp.resolve("missing.h5");
        assertThatThrownBy(() -> Hdf5LabNotebook.openReadOnly(p)).isInstanceOf(NotebookException.class)
                .hasMessageContaining(p.toString());
        assertThat(p).doesNotExist();
    }

    @Test
    void aNewNotebookNeverCommittedCanBeLoaded() {
        Path p = tmp.resolve("new.h5");
        Hdf5LabNotebook first = new Hdf5LabNotebook(p, true, "described");
        // the file is a complete notebook before any commit or close (epyc's lacked its current set until then)
        try (Hdf5LabNotebook nb = Hdf5LabNotebook.openReadOnly(p)) {
            assertThat(nb.description()).isEqualTo("described");
        }
        first.close();
    }
}
