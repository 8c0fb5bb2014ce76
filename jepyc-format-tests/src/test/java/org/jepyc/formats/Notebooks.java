package org.jepyc.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jepyc.Experiment;
import org.jepyc.LabNotebook;
import org.jepyc.OpenMode;
import org.jepyc.ResultsDict;
import org.jepyc.hdf5.Hdf5LabNotebook;
import org.jepyc.json.JsonLabNotebook;

/** Helpers shared by the format tests: rows that say who wrote them, child JVMs. */
final class Notebooks {
    private Notebooks() { }

    /** The extensions of the formats under test, one notebook file name each. */
    static List<String> extensions() {
        return List.of("json", "h5");
    }

    /** Opens a notebook through its format's own constructor, which takes a description. */
    static LabNotebook open(Path file, OpenMode mode, String description) {
        return file.toString().endsWith(".h5") ? new Hdf5LabNotebook(file, mode, description)
                : new JsonLabNotebook(file, mode, description);
    }

    /** @return a successful row for point i, its result naming the writer */
    static ResultsDict row(long i, String writer) {
        return new ResultsDict(Map.of("i", i), Map.of(Experiment.STATUS, true), Map.of("writer", writer));
    }

    /** @return the writer of every row of the current set, in order */
    static List<Object> writers(LabNotebook nb) {
        List<Object> out = new ArrayList<>();
        nb.results().forEach(r -> out.add(r.results().get("writer")));
        return out;
    }

    /** Starts a child JVM running a main class of these tests; its stderr goes to a file. */
    static Process java(Path dir, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(dir, main.getSimpleName(), ".err");
        return new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    }

    /** Runs a child JVM to its end, its output collected in a file, and returns that output. */
    static String run(Path dir, Class<?> main, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, main.getSimpleName(), ".out");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(main.getSimpleName() + " did not finish: " + Files.readString(out));
        }
        String text = Files.readString(out);
        if (p.exitValue() != 0) {
            throw new AssertionError(main.getSimpleName() + " exited " + p.exitValue() + ": " + text);
        }
        return text;
    }
}
