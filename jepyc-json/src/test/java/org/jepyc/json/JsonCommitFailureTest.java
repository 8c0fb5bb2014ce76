package org.jepyc.json;

import org.jepyc.fixtures.SystemTest;
import org.jepyc.fixtures.Tmpfs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.jepyc.NotebookException;
import org.jepyc.OpenMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A commit that cannot be written fails clearly and leaves the previous notebook whole. */
@SystemTest
class JsonCommitFailureTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesThePreviousFileAndNoTemporaryAndTheNextCommitWithRoomWritesAll() throws Exception {
        try (Tmpfs disk = Tmpfs.mount(dir.resolve("disk"), "16m")) {
            Path mnt = disk.dir();
            Path fn = mnt.resolve("nb.json");
            JsonLabNotebook nb = new JsonLabNotebook(fn, true);
            for (long i = 0; i < 100; i++) {
                nb.addResult(JsonNotebookUpstreamTest.run(i, i));
            }
            nb.commit();
            String before = Fixtures.hash(fn);
            for (long i = 100; i < 5000; i++) {
                nb.addResult(JsonNotebookUpstreamTest.run(i, i));
            }
            // the disk fills up: what is left cannot hold the new file beside the old one
            Path filler = mnt.resolve("filler");
            fill(filler, Files.getFileStore(mnt).getUsableSpace() - 100_000);
            assertThatThrownBy(nb::commit).isInstanceOf(NotebookException.class)
                    .hasMessageContaining(fn.toString()).hasMessageContaining("No space left on device")
                    .hasMessageContaining("previously committed notebook is unchanged");
            assertThat(Fixtures.hash(fn)).isEqualTo(before);
            assertThat(files(mnt)).containsExactlyInAnyOrder("nb.json", "filler");
            assertThat(JsonLabNotebook.openReadOnly(fn).numberOfResults()).isEqualTo(100);
            // once there is room again, the next commit writes everything
            Files.delete(filler);
            nb.commit();
            assertThat(JsonLabNotebook.openReadOnly(fn).numberOfResults()).isEqualTo(5000);
            nb.close();
        }
    }

    /** Writes zeros to a file until it holds {@code bytes} or the disk is full. */
    private static void fill(Path file, long bytes) throws IOException {
        byte[] block = new byte[8192];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        } catch (IOException full) {
            // the disk is full: as good as asked
        }
    }

    @Test
    void aRealFullTmpfs() throws Exception {
        try (Tmpfs disk = Tmpfs.mount(dir.resolve("small"), "256k")) {
            Path mnt = disk.dir();
            Path fn = mnt.resolve("nb.json");
            try (JsonLabNotebook nb = new JsonLabNotebook(fn, true)) {
                nb.addResult(JsonNotebookUpstreamTest.run(1, 2));
            }
            String before = Fixtures.hash(fn);
            JsonLabNotebook nb = new JsonLabNotebook(fn);
            for (long i = 0; i < 2000; i++) {
                nb.addResult(JsonNotebookUpstreamTest.run(i, i));
            }
            assertThatThrownBy(nb::commit).isInstanceOf(NotebookException.class).hasMessageContaining(fn.toString())
                    .hasMessageContaining("unchanged");
            assertThat(Fixtures.hash(fn)).isEqualTo(before);
            try (Stream<Path> s = Files.list(mnt)) {
                // no temporary file left; the writer lock stays while the notebook is open
                assertThat(s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")))
                        .containsExactly("nb.json");
            }
            assertThat(JsonLabNotebook.openReadOnly(fn).results()).hasSize(1)
                    .first().satisfies(r -> assertThat(r.parameters()).isEqualTo(Map.of("j", 2L, "k", 1L)));
            // closing commits, which fails the same way, and still lets go of the file
            assertThatThrownBy(nb::close).isInstanceOf(NotebookException.class);
            assertThat(Fixtures.hash(fn)).isEqualTo(before);
        }
    }


    /** @return the directory's files, less the writer lock an open notebook holds */
    private static java.util.List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")).toList();
        }
    }
}
