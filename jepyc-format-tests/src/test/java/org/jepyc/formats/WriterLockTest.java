package org.jepyc.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jepyc.LabNotebook;
import org.jepyc.NotebookException;
import org.jepyc.OpenMode;
import org.jepyc.storage.WriterLock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jepyc.fixtures.SystemTest;

/**
 * One writing process per notebook file, whatever path names it: a second process that reaches
 * the file through a symbolic link, a hard link or a {@code ..} path is refused, told which
 * process holds it, and the first writer's commits all survive.
 */
class WriterLockTest {
    private static final int FIRST_ROWS = 20;

    /** Opens a notebook, commits rows one by one, says so, and holds it until its input closes. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (LabNotebook nb = LabNotebook.open(Path.of(args[0]), OpenMode.OPEN_OR_CREATE)) {
                for (int i = 0; i < Integer.parseInt(args[1]); i++) {
                    nb.addResult(Notebooks.row(i, "first"));
                    nb.commit();
                }
                System.out.println("committed");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // held until the test closes our input
                }
            }
        }
    }

    /** Tries to write each notebook path given, printing one line per path: "written" or "refused: message". */
    public static final class SecondWriter {
        public static void main(String[] args) {
            for (String a : args) {
                try (LabNotebook nb = LabNotebook.open(Path.of(a), OpenMode.OPEN_OR_CREATE)) {
                    for (int i = 0; i < 11; i++) {
                        nb.addResult(Notebooks.row(100 + i, "second"));
                    }
                    nb.commit();
                    System.out.println("written");
                } catch (NotebookException e) {
                    System.out.println("refused: " + e.getMessage());
                }
            }
        }
    }

    static Iterable<String> formats() {
        return Notebooks.extensions();
    }

    @SystemTest
    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void secondWritersThroughAnyOtherPathAreRefusedAndTheFirstWritersCommitsSurvive(String ext, @TempDir Path dir)
            throws Exception {
        Path real = Files.createDirectories(dir.resolve("data")).resolve("notebook." + ext);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Map<String, Path> aliases = new LinkedHashMap<>();
        aliases.put("symbolic link", Files.createSymbolicLink(elsewhere.resolve("link." + ext), real));
        aliases.put("..", elsewhere.resolve("..").resolve("data").resolve("notebook." + ext));

        Process holder = Notebooks.java(dir, Holder.class, real.toString(), Integer.toString(FIRST_ROWS));
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("committed");
            // a hard link to the file as the commits left it (a JSON commit renames a new file into
            // place, so a link made before names an old copy, no longer the notebook)
            aliases.put("hard link", Files.createLink(elsewhere.resolve("hard." + ext), real));

            String[] lines = Notebooks.run(dir, SecondWriter.class,
                    aliases.values().stream().map(Path::toString).toArray(String[]::new)).split("\n");

            assertThat(lines).hasSize(aliases.size());
            int k = 0;
            for (Map.Entry<String, Path> a : aliases.entrySet()) {
                assertThat(lines[k++]).as("second writer through the %s", a.getKey())
                        .startsWith("refused: ")
                        .contains(a.getValue().toString())
                        .contains("open for writing in another process")
                        .contains("pid " + holder.pid());
            }
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(holder.exitValue()).isZero();
        try (LabNotebook nb = LabNotebook.openReadOnly(real)) {
            assertThat(Notebooks.writers(nb)).isEqualTo(Collections.nCopies(FIRST_ROWS, "first"));
        }
        // with the first writer gone, the same path is free again
        assertThat(Notebooks.run(dir, SecondWriter.class, aliases.get("symbolic link").toString())).isEqualTo("written\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aWriterKilledOutrightLeavesLockFilesThatAreReclaimed(String ext, @TempDir Path dir) throws Exception {
        Path real = dir.resolve("killed." + ext);
        Process holder = Notebooks.java(dir, Holder.class, real.toString(), "3");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("committed");
        } finally {
            holder.destroyForcibly();   // SIGKILL: no shutdown hook, no close, no release
            assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        Path beside = dir.resolve(".killed." + ext + ".lock");
        List<Path> keyed = lockFilesNaming(real.toRealPath());
        assertThat(beside).as("left by the killed writer").exists();
        assertThat(keyed).as("left by the killed writer in " + WriterLock.keyDirectory()).hasSize(1);

        WriterLock.reclaimStale();
        assertThat(keyed.get(0)).as("no process holds it: reclaimed").doesNotExist();
        // the one beside the notebook is reclaimed by the next writer, who then lets it go
        assertThat(Notebooks.run(dir, SecondWriter.class, real.toString())).isEqualTo("written\n");
        assertThat(beside).doesNotExist();
        try (LabNotebook nb = LabNotebook.openReadOnly(real)) {
            assertThat(Notebooks.writers(nb)).containsExactly("first", "first", "first",
                    "second", "second", "second", "second", "second", "second", "second", "second", "second", "second", "second");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aLockFileSomeProcessHoldsIsNeverReclaimed(String ext, @TempDir Path dir) throws Exception {
        Path real = dir.resolve("held." + ext);
        try (LabNotebook nb = LabNotebook.open(real)) {
            nb.addResult(Notebooks.row(0, "first"));
            nb.commit();
            List<Path> keyed = lockFilesNaming(real.toRealPath());
            assertThat(keyed).hasSize(1);
            WriterLock.reclaimStale();
            assertThat(keyed.get(0)).as("held by this process").exists();
            assertThat(Notebooks.run(dir, SecondWriter.class, real.toString())).startsWith("refused: ");
        }
    }

    /** @return the lock files in the shared directory that record this notebook as theirs */
    private static List<Path> lockFilesNaming(Path real) throws java.io.IOException {
        try (Stream<Path> files = Files.list(WriterLock.keyDirectory())) {
            return files.filter(p -> {
                try {
                    return Files.readString(p).contains("\n" + real + "\n");
                } catch (java.io.IOException gone) {
                    return false;   // deleted meanwhile by its holder or another sweep
                }
            }).toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aSecondNotebookObjectInTheSameProcessLeavesTheLockHeld(String ext, @TempDir Path dir) throws Exception {
        Path real = dir.resolve("notebook." + ext);
        try (LabNotebook nb = LabNotebook.open(real, OpenMode.CREATE_NEW)) {
            nb.setDescription("made");   // something to commit: the file exists from here
        }
        Path link = Files.createSymbolicLink(dir.resolve("link." + ext), real);
        try (LabNotebook first = LabNotebook.open(link, OpenMode.OPEN_OR_CREATE)) {
            first.addResult(Notebooks.row(0, "first"));
            first.commit();
            // the program may reopen its own notebook (epyc's tests do); closing that copy must
            // not free the file for another process
            try (LabNotebook again = LabNotebook.open(real, OpenMode.OPEN_OR_CREATE)) {
                assertThat(again.numberOfResults()).isEqualTo(1);
            }
            assertThat(Notebooks.run(dir, SecondWriter.class, real.toString()))
                    .startsWith("refused: ").contains("pid " + ProcessHandle.current().pid());
            first.addResult(Notebooks.row(1, "first"));
        }
        assertThat(Notebooks.run(dir, SecondWriter.class, real.toString())).isEqualTo("written\n");
        try (LabNotebook nb = LabNotebook.openReadOnly(real)) {
            assertThat(Notebooks.writers(nb)).containsExactly("first", "first",
                    "second", "second", "second", "second", "second", "second", "second", "second", "second", "second", "second");
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.contains("lock"))).isEmpty();
        }
    }
}
