package org.jepyc.json;

import org.jepyc.fixtures.SystemTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    /** Fails like a full disk after a number of bytes. */
    static final class FullDisk extends FilterOutputStream {
        private long room;

        FullDisk(OutputStream out, long room) {
            super(out);
            this.room = room;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > room) {
                throw new IOException("No space left on device");
            }
            room -= len;
            out.write(b, off, len);
        }
    }

    @Test
    void aFailedWriteLeavesThePreviousFileAndNoTemporary() throws Exception {
        Path fn = dir.resolve("nb.json");
        JsonStorage storage = new JsonStorage(fn, false);
        JsonLabNotebook nb = new JsonLabNotebook(storage, OpenMode.OPEN_OR_CREATE, null);
        for (long i = 0; i < 100; i++) {
            nb.addResult(JsonNotebookUpstreamTest.run(i, i));
        }
        nb.commit();
        String before = Fixtures.hash(fn);
        for (long i = 100; i < 5000; i++) {
            nb.addResult(JsonNotebookUpstreamTest.run(i, i));
        }
        storage.outputFilter = out -> new FullDisk(out, 100_000);
        assertThatThrownBy(nb::commit).isInstanceOf(NotebookException.class)
                .hasMessageContaining(fn.toString()).hasMessageContaining("No space left on device")
                .hasMessageContaining("previously committed notebook is unchanged");
        assertThat(Fixtures.hash(fn)).isEqualTo(before);
        assertThat(files()).containsExactly("nb.json");
        assertThat(JsonLabNotebook.openReadOnly(fn).numberOfResults()).isEqualTo(100);
        // once there is room again, the next commit writes everything
        storage.outputFilter = out -> out;
        nb.commit();
        assertThat(JsonLabNotebook.openReadOnly(fn).numberOfResults()).isEqualTo(5000);
    }

    @Test
    void aRealFullTmpfs() throws Exception {
        Path mnt = Files.createDirectory(dir.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mnt.toString()), "cannot mount a tmpfs here");
        try {
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
        } finally {
            run("umount", mnt.toString());
        }
    }

    private static boolean run(String... cmd) throws Exception {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the directory's files, less the writer lock an open notebook holds */
    private java.util.List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")).toList();
        }
    }
}
