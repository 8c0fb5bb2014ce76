package org.jepyc.hdf5;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jepyc.Experiment;
import org.jepyc.LabNotebook;
import org.jepyc.json.JsonLabNotebook;

/**
 * Child JVMs of the tests that need another process: {@code write FILE COMMITS ROWS} commits
 * {@code ROWS} rows at a time, {@code COMMITS} times, to a notebook (printing {@code C n} after
 * each commit, pausing 100 ms between them, and waiting for a line on stdin after the first); {@code read FILE...} reads each notebook
 * read-only until stdin closes, printing {@code R n} per read or {@code E message} for a failed
 * one; {@code unclosed DIR N} runs three points into N HDF5 and N JSON notebooks, opens each a
 * second time to look at it, and exits without closing any.
 */
public final class NotebookChild {

    private NotebookChild() { }

    /** @param args the role and its arguments */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        switch (args[0]) {
            case "write" -> write(out, Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "read" -> read(out, args);
            case "unclosed" -> unclosed(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static LabNotebook open(Path file) {
        return file.toString().endsWith(".h5") ? new Hdf5LabNotebook(file) : new JsonLabNotebook(file);
    }

    static LabNotebook openReadOnly(Path file) {
        return file.toString().endsWith(".h5") ? Hdf5LabNotebook.openReadOnly(file) : JsonLabNotebook.openReadOnly(file);
    }

    /** Row {@code a}'s results: what a reader checks every row against. */
    static Map<String, Object> row(long a) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("twice", 2 * a);
        r.put("name", "row " + a);
        return r;
    }

    private static void write(PrintStream out, Path file, int commits, int rows) throws Exception {
        Experiment e = Experiment.of(p -> row((Long) p.get("a")));
        LabNotebook nb = open(file);
        long a = nb.numberOfResults();
        java.io.BufferedReader go = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                StandardCharsets.UTF_8));
        for (int c = 0; c < commits; c++) {
            if (c == 1) {
                go.readLine();   // the parent says go once a reader is reading the first commit
            }
            for (int i = 0; i < rows; i++) {
                nb.addResult(e.set(Map.of("a", a++)).run());
            }
            nb.commit();
            out.println("C " + nb.numberOfResults());
            Thread.sleep(100);   // the pace of a lab committing as results come
        }
        nb.close();
        out.println("DONE");
    }

    private static void read(PrintStream out, String[] args) throws Exception {
        Thread stop = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // wait for the parent to close stdin
                }
            } catch (java.io.IOException ignored) {
                // closed
            }
        });
        stop.start();
        while (stop.isAlive()) {
            for (int k = 1; k < args.length; k++) {
                Path file = Path.of(args[k]);
                try (LabNotebook nb = openReadOnly(file)) {
                    var results = nb.results();
                    for (int i = 0; i < results.size(); i++) {
                        Object a = results.get(i).parameters().get("a");
                        if (!Long.valueOf(i).equals(a) || !row(i).equals(results.get(i).results())) {
                            throw new IllegalStateException("row " + i + " of " + file + " is " + results.get(i));
                        }
                    }
                    out.println("R " + file.getFileName() + " " + results.size());
                } catch (RuntimeException e) {
                    out.println("E " + file.getFileName() + " " + String.valueOf(e).replace('\n', ' '));
                }
            }
        }
        out.println("DONE");
    }

    private static void unclosed(Path dir, int n) {
        Experiment e = Experiment.of(p -> row((Long) p.get("a")));
        for (int k = 0; k < n; k++) {
            for (String ext : new String[] {".h5", ".json"}) {
                Path file = dir.resolve("nb" + k + ext);
                LabNotebook nb = open(file);
                for (long a = 0; a < 3; a++) {
                    nb.addResult(e.set(Map.of("a", a)).run());
                }
                nb.commit();
                LabNotebook again = open(file);   // a second look, as epyc users reload a notebook
                if (again.numberOfResults() != 3) {
                    throw new IllegalStateException(file + " reloaded with " + again.numberOfResults() + " results");
                }
            }
        }
        // exits with every notebook still open, as a script that never calls close()
    }
}
