package org.jepyc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jepyc.Experiment;
import org.jepyc.NotebookException;
import org.jepyc.ResultSetLockedException;
import org.jepyc.ResultsDict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A notebook file has one writing process at a time; others are refused, not silently overwritten. */
class WriterLockTest {

    /** Holds a notebook open for writing until its standard input closes. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (JsonLabNotebook nb = new JsonLabNotebook(Path.of(args[0]))) {
                nb.addResult(new ResultsDict(Map.of("a", 1L), Map.of(Experiment.STATUS, true), Map.of("y", 1L)));
                nb.commit();
                System.out.println("open");
                System.out.flush();
                System.in.read();
            }
        }
    }

    /** Tries to write a notebook: prints "written", or "refused: " and why. */
    public static final class Writer {
        public static void main(String[] args) {
            try (JsonLabNotebook nb = new JsonLabNotebook(Path.of(args[0]))) {
                nb.addResult(new ResultsDict(Map.of("a", 9L), Map.of(Experiment.STATUS, true), Map.of("y", 9L)));
                nb.commit();
                System.out.println("written");
            } catch (NotebookException e) {
                System.out.println("refused: " + e.getMessage());
            }
        }
    }

    @Test
    void aNotebookOpenedAndCommittedOnAnInterruptedThreadIsStillLocked(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("interrupted.json");
        JsonLabNotebook nb;
        Thread.currentThread().interrupt();
        try {
            nb = new JsonLabNotebook(file);
            nb.addResult(new ResultsDict(Map.of("a", 1L), Map.of(Experiment.STATUS, true), Map.of("y", 1L)));
            nb.commit();    // renames a new file into place: the lock follows it
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        }
        try (nb) {
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Writer.class.getName(), file.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("writer.out").toFile()).start();
            assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(dir.resolve("writer.out"))).startsWith("refused: ")
                    .contains("pid " + ProcessHandle.current().pid());
        }
        try (JsonLabNotebook check = JsonLabNotebook.openReadOnly(file)) {
            assertThat(check.numberOfResults()).isEqualTo(1);
        }
    }

    @Test
    void aSecondProcessCannotWriteANotebookThatIsOpenForWriting(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("held.json");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Holder.class.getName(), file.toString()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("open");
            String before = Fixtures.hash(file);
            assertThatThrownBy(() -> new JsonLabNotebook(file)).isInstanceOf(NotebookException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("another process");
            try (JsonLabNotebook reader = JsonLabNotebook.openReadOnly(file)) {
                assertThat(reader.numberOfResults()).isEqualTo(1);
            }
            assertThat(Fixtures.hash(file)).isEqualTo(before);
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        try (JsonLabNotebook after = new JsonLabNotebook(file)) {
            after.addResult(new ResultsDict(Map.of("a", 2L), Map.of(Experiment.STATUS, true), Map.of("y", 2L)));
        }
        try (JsonLabNotebook check = JsonLabNotebook.openReadOnly(file)) {
            assertThat(check.numberOfResults()).isEqualTo(2);
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("held.json");
    }

    @Test
    void aKilledWriterLeavesNoLockBehind(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("killed.json");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Holder.class.getName(), file.toString()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("open");
        holder.destroyForcibly();
        assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
        try (JsonLabNotebook nb = new JsonLabNotebook(file)) {
            assertThat(nb.numberOfResults()).isEqualTo(1);
        }
    }

    @Test
    void aReadOnlyResultSetRefusesANewDescription(@TempDir Path dir) {
        Path file = dir.resolve("ro.json");
        try (JsonLabNotebook nb = new JsonLabNotebook(file)) {
            nb.current().setDescription("kept");
        }
        try (JsonLabNotebook ro = JsonLabNotebook.openReadOnly(file)) {
            assertThatThrownBy(() -> ro.current().setDescription("changed")).isInstanceOf(ResultSetLockedException.class);
            assertThat(ro.current().description()).isEqualTo("kept");
        }
    }
}
