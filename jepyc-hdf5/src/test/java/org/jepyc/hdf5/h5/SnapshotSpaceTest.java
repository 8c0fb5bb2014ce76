package org.jepyc.hdf5.h5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.jepyc.Experiment;
import org.jepyc.fixtures.SystemTest;
import org.jepyc.fixtures.Tmpfs;
import org.jepyc.hdf5.Hdf5LabNotebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file too large for memory whose private copy does not fit the temporary directory (a small
 * tmpfs, mounted by the test where the machine allows it) fails with an error naming the file,
 * the directory and what to do, and leaves nothing there.
 */
@SystemTest
class SnapshotSpaceTest {

    @TempDir
    Path dir;

    @Test
    void aCopyThatDoesNotFitTheTemporaryDirectoryIsAClearErrorAndLeavesNothing() throws IOException {
        Path nb = dir.resolve("nb.h5");
        try (Hdf5LabNotebook notebook = new Hdf5LabNotebook(nb, true)) {
            Experiment e = Experiment.of(p -> Map.of("text", "row " + p.get("i") + " ".repeat(500)));
            for (long i = 0; i < 4_000; i++) {
                notebook.addResult(e.set(Map.of("i", i)).run());
            }
        }
        assertThat(Files.size(nb)).as("the notebook is larger than the tmpfs").isGreaterThan(1L << 20);
        try (Tmpfs small = Tmpfs.mount(dir.resolve("small"), "1m")) {
            Path mnt = small.dir();
            assertThatThrownBy(() -> ReadOnlyFile.open(nb, 0, mnt, GlobalHeaps.CACHED_BYTES)).isInstanceOf(SnapshotSpaceException.class)
                    .hasMessageStartingWith(nb.toAbsolutePath().toString())
                    .hasMessageContaining(mnt.toString())
                    .hasMessageContaining("it has ")
                    .hasMessageContaining("java.io.tmpdir");
            try (Stream<Path> left = Files.list(mnt)) {
                assertThat(left).isEmpty();
            }
        }
        // with room it reads
        try (ReadOnlyFile f = ReadOnlyFile.open(nb, 0, dir, GlobalHeaps.CACHED_BYTES)) {
            assertThat(f.links("/")).isNotEmpty();
        }
    }

}
