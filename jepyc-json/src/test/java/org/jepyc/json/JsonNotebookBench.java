package org.jepyc.json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;

import org.jepyc.Experiment;
import org.jepyc.Lab;
import org.jepyc.OpenMode;

/**
 * Not a test: the benchmark, run by hand. 10,000 trivial points run by a Lab into a
 * JSON notebook and committed; loading the file back; the cost of one commit as the notebook
 * grows. Prints its figures (benchmark code, not library code).
 */
public final class JsonNotebookBench {
    private JsonNotebookBench() { }

    /** @param args optional: number of points (default 10000) */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("jepyc-bench");
        Experiment e = Experiment.of(p -> Map.of("y", ((Long) p.get("x")) * 2));
        for (int round = 0; round < 3; round++) {
            Path fn = dir.resolve("bench" + round + ".json");
            long t0 = System.nanoTime();
            try (Lab lab = new Lab(new JsonLabNotebook(fn, OpenMode.CREATE_NEW, null))) {
                lab.put("x", IntStream.range(0, n));
                lab.runExperiment(e);
            }
            long t1 = System.nanoTime();
            JsonLabNotebook back = new JsonLabNotebook(fn);
            long t2 = System.nanoTime();
            System.out.printf("round %d: %d points run + committed %.3f s (file %.1f MB); loaded %d rows in %.3f s%n",
                    round, n, (t1 - t0) / 1e9, Files.size(fn) / 1e6, back.numberOfResults(), (t2 - t1) / 1e9);
        }
        // one commit of 100 new rows, as the notebook grows: cost follows size, not commit count
        Path fn = dir.resolve("grow.json");
        JsonLabNotebook nb = new JsonLabNotebook(fn, true);
        long x = 0;
        for (int c = 1; c <= 200; c++) {
            for (int k = 0; k < 100; k++, x++) {
                nb.addResult(e.set(Map.of("x", x)).run());
            }
            long t = System.nanoTime();
            nb.commit();
            long d = System.nanoTime() - t;
            if (c % 25 == 0) {
                System.out.printf("commit #%d with %d rows: %.1f ms%n", c, nb.numberOfResults(), d / 1e6);
            }
        }
        for (int c = 0; c < 3; c++) {
            nb.setDescription("again " + c);
            long t = System.nanoTime();
            nb.commit();
            System.out.printf("re-commit of the same %d rows: %.1f ms%n", nb.numberOfResults(), (System.nanoTime() - t) / 1e6);
        }
    }
}
