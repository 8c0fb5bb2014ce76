package org.jepyc.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.bytedeco.hdf5.global.hdf5;
import org.jepyc.Experiment;
import org.jepyc.LabNotebook;
import org.jepyc.NotebookException;
import org.jepyc.NotebookExistsException;
import org.jepyc.OpenMode;
import org.jepyc.fixtures.EpycFixtures;
import org.jepyc.hdf5.Hdf5LabNotebook;
import org.jepyc.hdf5.h5.H5Library;
import org.jepyc.json.JsonLabNotebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notebook touches its file only to load and to commit: opening and reading changes no byte
 * (both formats, every open mode, epyc's files and jepyc's), nothing of the HDF5 library stays
 * open between commits or after a failed open, and a commit works on an interrupted thread.
 */
class NoHandleHeldTest {

    @TempDir
    Path tmp;

    private Map<String, byte[]> sources() throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("jepyc.h5", DamagedFileFuzzTest.sample(tmp.resolve("made.h5")));
        out.put("jepyc.json", DamagedFileFuzzTest.sample(tmp.resolve("made.json")));
        for (String name : List.of(EpycFixtures.TYPED_H5, EpycFixtures.UPSTREAM_H5, EpycFixtures.TYPED_JSON)) {
            out.put("epyc-" + name, EpycFixtures.bytes(name));
        }
        return out;
    }

    private static LabNotebook open(Path file, OpenMode mode) {
        return file.toString().endsWith(".h5") ? new Hdf5LabNotebook(file, mode, null)
                : new JsonLabNotebook(file, mode, null);
    }

    @Test
    void openingAndReadingChangesNoByteInAnyModeOfEitherFormat() throws Exception {
        List<String> changed = new ArrayList<>();
        int opened = 0;
        for (Map.Entry<String, byte[]> s : sources().entrySet()) {
            for (String how : List.of("OPEN_OR_CREATE", "CREATE_NEW", "OVERWRITE", "readOnly")) {
                Path file = tmp.resolve(how + "-" + s.getKey());
                Files.write(file, s.getValue());
                if (how.equals("CREATE_NEW")) {
                    assertThatThrownBy(() -> open(file, OpenMode.CREATE_NEW)).isInstanceOf(NotebookExistsException.class);
                } else {
                    LabNotebook nb = how.equals("readOnly") ? NotebookChild.openReadOnly(file)
                            : open(file, OpenMode.valueOf(how));
                    for (String tag : nb.resultSets()) {
                        nb.dataframe(tag, false);
                        nb.results(tag);
                        nb.pendingResults(tag);
                    }
                    opened++;
                    if (!how.equals("OVERWRITE")) {
                        nb.close();   // nothing changed: nothing to write
                    }
                    assertNoHdf5ObjectOpen();
                }
                if (!java.util.Arrays.equals(Files.readAllBytes(file), s.getValue())) {
                    changed.add(file.getFileName().toString());
                }
            }
        }
        assertThat(opened).isEqualTo(15);
        assertThat(changed).as("files changed by opening and reading").isEmpty();
    }

    @Test
    void nothingOfTheHdf5LibraryStaysOpenBetweenCommitsNorAfterAFailedOpen() throws Exception {
        Path file = tmp.resolve("ids.h5");
        Hdf5LabNotebook nb = new Hdf5LabNotebook(file);
        assertNoHdf5ObjectOpen();
        nb.addResult(Experiment.of(p -> NotebookChild.row((Long) p.get("a"))).set(Map.of("a", 0L)).run());
        nb.commit();
        assertNoHdf5ObjectOpen();
        Path junk = Files.writeString(tmp.resolve("junk.h5"), "not a notebook at all");
        assertThatThrownBy(() -> new Hdf5LabNotebook(junk, OpenMode.OPEN_OR_CREATE, "a description"))
                .isInstanceOf(NotebookException.class).hasMessageContaining(junk.toString());
        assertNoHdf5ObjectOpen();
    }

    @Test
    void aCommitOnAnInterruptedThreadWorksInBothFormats() throws Exception {
        for (String ext : List.of(".h5", ".json")) {
            Path file = tmp.resolve("interrupted" + ext);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try (LabNotebook nb = open(file, OpenMode.OPEN_OR_CREATE)) {
                    Thread.currentThread().interrupt();
                    for (long a = 0; a < 3; a++) {
                        nb.addResult(Experiment.of(p -> NotebookChild.row((Long) p.get("a"))).set(Map.of("a", a)).run());
                        nb.commit();
                    }
                    nb.addResultSet("after");   // a new set: HDF5 writes a new group, JSON the whole file
                    nb.commit();
                    assertThat(Thread.currentThread().isInterrupted()).as("interrupt kept").isTrue();
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            t.start();
            t.join();
            assertThat(failure.get()).as(ext).isNull();
            try (LabNotebook back = NotebookChild.openReadOnly(file)) {
                assertThat(back.numberOfResults(LabNotebook.DEFAULT_RESULTSET)).isEqualTo(3);
                assertThat(back.resultSets()).contains("after");
            }
        }
    }

    /** Datatype ids open before this class ran: the library's predefined types count as open. */
    private static long typesBefore;

    @org.junit.jupiter.api.BeforeAll
    static void countPredefinedTypes() {
        typesBefore = count(hdf5.H5F_OBJ_DATATYPE);
    }

    private static long count(int type) {
        H5Library.ensureLoaded();
        synchronized (H5Library.LOCK) {
            return hdf5.H5Fget_obj_count(hdf5.H5F_OBJ_ALL, type);
        }
    }

    static void assertNoHdf5ObjectOpen() {
        assertThat(new long[] {count(hdf5.H5F_OBJ_FILE), count(hdf5.H5F_OBJ_DATASET),
            count(hdf5.H5F_OBJ_GROUP), count(hdf5.H5F_OBJ_ATTR),
            count(hdf5.H5F_OBJ_DATATYPE) - typesBefore})
                .as("HDF5 files, datasets, groups, attributes, datatypes open").containsOnly(0L);
    }
}
