package org.jepyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jepyc.Experiment;
import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.jepyc.RepeatedExperiment;
import org.jepyc.SummaryExperiment;
import org.jepyc.json.JsonLabNotebook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No command replaces a file it was not asked to create: every refusal leaves every file of the
 * directory byte for byte and mode for mode as it was, and creates nothing; what is written is
 * renamed into place and keeps the mode of the file it replaces. Runs the real launcher.
 */
class SafeOutputIT {
    @TempDir
    Path dir;

    private Path h5;
    private Path json;
    private Path curve;
    private Path notes;

    @BeforeEach
    void files() throws Exception {
        h5 = Jepyc.copy("typed.h5", dir);
        json = Jepyc.copy("typed.json", dir);
        curve = dir.resolve("curve.json");
        try (LabNotebook n = new JsonLabNotebook(curve)) {
            Lab lab = new Lab(n);
            lab.put("x", List.of(1, 2, 3)).put("g", List.of(0.25, 0.5));
            lab.runExperiment(new SummaryExperiment(new RepeatedExperiment(
                    Experiment.of(p -> Map.of("y", (Long) p.get("x") * (Double) p.get("g") + 0.01 * Math.random())), 3)));
        }
        notes = dir.resolve("notes.txt");
        Files.writeString(notes, "my notes\n");
        Files.setPosixFilePermissions(notes, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createDirectory(dir.resolve("adir"));
        Files.copy(json, dir.resolve("disguised.csv"));                     // a notebook by its content only
        Files.createSymbolicLink(dir.resolve("link.csv"), h5);
    }

    /** Every file's SHA-256 and mode, by name. */
    private Map<String, String> state() throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String name = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    m.put(name, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    m.put(name, Jepyc.hash(p) + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
                } else {
                    m.put(name, "dir " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
                }
            }
        }
        return m;
    }

    private void refused(int exit, String message, String... args) throws Exception {
        Map<String, String> before = state();
        Jepyc.Result r = Jepyc.run(dir, args);
        assertThat(r.exit()).as("%s: %s", List.of(args), r.err()).isEqualTo(exit);
        assertThat(r.err()).as("%s", List.of(args)).startsWith("jepyc: ").contains(message).doesNotContain("Exception");
        assertThat(state()).as("files after %s", List.of(args)).isEqualTo(before);
    }

    @Test
    void anOutputNeverReplacesANotebookAnInputOrAnotherFileWithoutForce() throws Exception {
        refused(1, "is the file this command reads", "export", h5.toString(), "--format", "csv", "-o", h5.toString());
        refused(1, "is the file this command reads", "export", h5 + ":lists", "-o", "link.csv");
        refused(1, "is a notebook", "export", h5 + ":lists", "-o", json.toString(), "--force");
        refused(1, "is a notebook", "export", h5 + ":lists", "-o", "disguised.csv", "--force");
        refused(1, "is a notebook", "plot", curve.toString(), "--x", "x", "--y", "y", "-o", "typed.h5", "--force");
        refused(1, "exists: give --force", "export", h5 + ":lists", "-o", notes.toString(), "--format", "csv");
        refused(1, "exists: give --force", "plot", curve.toString(), "--x", "x", "--y", "y", "-o", "notes.txt", "--format", "png");
        refused(1, "is a directory", "export", h5 + ":lists", "-o", "adir", "--format", "csv");
        refused(1, "no directory", "export", h5 + ":lists", "-o", "nowhere/x.csv");
        refused(1, "exists: give --force", "convert", json.toString(), h5.toString());
        // --force does not override an owner's read-only mode, on a notebook or any other file
        Path ro = Files.copy(json, dir.resolve("ro.json"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(notes, PosixFilePermissions.fromString("r--r--r--"));
        refused(1, "is read-only (no write permission), so it is not replaced", "convert", h5.toString(), "ro.json", "--force");
        refused(1, "is read-only (no write permission), so it is not replaced", "export", h5 + ":lists", "-o", "notes.txt",
                "--force");
        refused(1, "is the file this command reads", "convert", h5.toString(), h5.toString(), "--overwrite");
        refused(1, "is the file this command reads", "convert", h5.toString(), "./" + h5.getFileName(), "--force");
        // the format follows the name; a disagreement, or no way to tell, is a usage error
        refused(2, "disagrees", "export", h5 + ":lists", "-o", "x.csv", "--format", "json");
        refused(2, "disagrees", "plot", curve.toString(), "--x", "x", "--y", "y", "-o", "p.pdf", "--format", "png");
        refused(2, "Can't tell the format", "plot", curve.toString(), "--x", "x", "--y", "y", "-o", "p.jpg");
        refused(2, "Give --format", "export", h5 + ":lists");
    }

    @Test
    void forceReplacesAnOrdinaryFileKeepingItsMode() throws Exception {
        Jepyc.Result r = Jepyc.run(dir, "export", json + ":lists", "-o", "notes.txt", "--format", "csv", "--force");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(notes, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(Jepyc.fixtures().resolve("typed-json.lists.csv"), StandardCharsets.UTF_8));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(notes))).isEqualTo("rw-r--r--");

        Files.setPosixFilePermissions(notes, PosixFilePermissions.fromString("rw-rw----"));
        assertThat(Jepyc.run(dir, "export", h5 + ":lists", "-o", "notes.txt", "--format", "json", "-f").exit()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(notes))).isEqualTo("rw-rw----");
        assertThat(Files.readString(notes)).startsWith("[");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp") || n.contains(".tmp."));
        }
    }

    @Test
    void aNewFileGetsTheModeTheUmaskGivesNotAnOwnerOnlyOne() throws Exception {
        Path plain = Files.createFile(dir.resolve("made-by-the-test"));
        Jepyc.Result r = Jepyc.run(dir, "export", h5 + ":lists", "-o", "rows.csv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.getPosixFilePermissions(dir.resolve("rows.csv"))).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void convertWithForceReplacesAnotherNotebookWhole() throws Exception {
        Path target = Jepyc.copy("upstream-test.h5", dir);
        Jepyc.Result r = Jepyc.run(dir, "convert", json.toString(), target.toString(), "--force");
        assertThat(r.exit()).as(r.err()).isZero();
        try (LabNotebook a = JsonLabNotebook.openReadOnly(json); LabNotebook b = org.jepyc.hdf5.Hdf5LabNotebook.openReadOnly(target)) {
            assertThat(b.resultSets()).containsExactlyInAnyOrderElementsOf(a.resultSets());
            assertThat(b.isFinished()).isEqualTo(a.isFinished());
        }
    }

    @Test
    void plotsAreWrittenInTheFormatTheirNameSays() throws Exception {
        for (String style : List.of("line", "points", "both")) {
            Jepyc.Result r = Jepyc.run(dir, "plot", curve.toString(), "--x", "x", "--y", "y", "--group", "g",
                    "--style", style, "-o", "p-" + style + ".png");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(javax.imageio.ImageIO.read(dir.resolve("p-" + style + ".png").toFile()).getWidth()).isEqualTo(800);
        }
        assertThat(Jepyc.run(dir, "plot", curve.toString(), "--x", "x", "--y", "y", "-o", "p.svg").exit()).isZero();
        assertThat(Files.readString(dir.resolve("p.svg"))).contains("<svg");
        assertThat(Jepyc.run(dir, "plot", curve.toString(), "--x", "x", "--y", "y", "-o", "p.pdf").exit()).isZero();
        assertThat(new String(Files.readAllBytes(dir.resolve("p.pdf")), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(Jepyc.run(dir, "plot", curve.toString(), "--x", "x", "--y", "y", "-o", "p.img", "--format", "svg").exit()).isZero();
        assertThat(Files.readString(dir.resolve("p.img"))).contains("<svg");
    }

    @Test
    void copyAndRemoveSayWhatTheyDidAndWhichSetBecameCurrent() throws Exception {
        Path dest = dir.resolve("dest.json");
        Jepyc.Result pretend = Jepyc.run(dir, "copy", "-n", json + ":lists", dest.toString());
        assertThat(pretend.exit()).as(pretend.err()).isZero();
        assertThat(pretend.out()).contains("Would copy " + json + ":lists to " + dest + ":lists",
                "make " + dest + ":lists its current result set");
        assertThat(dest).doesNotExist();
        Jepyc.Result r = Jepyc.run(dir, "copy", "-v", json + ":lists", ":second", dest.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Copied " + json + ":lists to " + dest + ":lists (3 results)",
                dest + ":second is now its current result set");
        Jepyc.Result removed = Jepyc.run(dir, "remove", "-v", dest + ":lists");
        assertThat(removed.out()).contains("Removed " + dest + ":lists");
        refused(2, "Name the result sets to copy and then the destination", "copy", json + ":lists");
    }

    @Test
    void messagesSpeakTheCommandLinesLanguage() throws Exception {
        Path ro = dir.resolve("ro.json");
        Files.copy(json, ro);
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r--r--r--"));
        refused(1, "is read-only (no write permission): its result sets cannot be removed; make it writable first",
                "remove", ro + ":lists");
        refused(1, "is read-only", "select", ro + ":lists");
        refused(1, "make another set current first (jepyc select " + json + ":", "remove", json + ":pending");
        Jepyc.Result shown = Jepyc.run(dir, "show", json + ":lists");
        assertThat(shown.exit()).as(shown.err()).isZero();
        // one set: its own view (columns, types, rows), nothing of the notebook's other sets
        assertThat(shown.out()).contains("Result set lists", "3 results, 0 pending").doesNotContain("second");
        assertThat(String.join("", Files.readAllLines(ro))).doesNotContain("JsonLabNotebook");
    }
}
