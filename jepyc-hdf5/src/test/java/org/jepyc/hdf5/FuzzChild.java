package org.jepyc.hdf5;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jepyc.LabNotebook;
import org.jepyc.NotebookException;
import org.jepyc.json.JsonLabNotebook;

/**
 * Child JVM of {@link DamagedFileFuzzTest}: opens each damaged file of a list in turn, saying
 * {@code BEGIN n} before it touches one (so a crash or a hang is pinned on that file) and one of
 * {@code OK n}, {@code NOTEBOOK n <message>} or {@code OTHER n <exception>} after.
 *
 * <p>Arguments: a file with one line per variant, {@code n<TAB>path<TAB>rw|ro}, and the first
 * {@code n} to start from (the parent restarts the list after a crash or a hang).
 */
public final class FuzzChild {

    private FuzzChild() { }

    /** @param args the list file and the first variant to open */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        int first = Integer.parseInt(args[1]);
        for (String line : lines) {
            String[] f = line.split("\t");
            int n = Integer.parseInt(f[0]);
            if (n < first) {
                continue;
            }
            Path file = Path.of(f[1]);
            boolean readOnly = f[2].equals("ro");
            out.println("BEGIN " + n);
            try {
                open(file, readOnly);
                out.println("OK " + n);
            } catch (NotebookException e) {
                out.println("NOTEBOOK " + n + " " + oneLine(e.getMessage()));
            } catch (Throwable e) {
                out.println("OTHER " + n + " " + oneLine(e.toString()));
                e.printStackTrace();
            }
        }
        out.println("DONE");
    }

    /** Opens, reads every set whole, and closes (which writes nothing: nothing changed). */
    private static void open(Path file, boolean readOnly) {
        boolean h5 = file.getFileName().toString().endsWith(".h5");
        LabNotebook nb = h5
                ? (readOnly ? Hdf5LabNotebook.openReadOnly(file) : new Hdf5LabNotebook(file))
                : (readOnly ? JsonLabNotebook.openReadOnly(file) : new JsonLabNotebook(file));
        try (nb) {
            for (String tag : nb.resultSets()) {
                nb.dataframe(tag, false).height();
                nb.pendingResults(tag);
            }
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }
}
