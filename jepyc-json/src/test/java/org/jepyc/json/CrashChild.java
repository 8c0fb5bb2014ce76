package org.jepyc.json;

import java.nio.file.Path;
import java.util.Map;

import org.jepyc.Experiment;
import org.jepyc.ResultsDict;

/**
 * The process {@link JsonCrashTest} kills: commits rows to a notebook in a loop, printing the
 * number of results on disk after each commit has returned.
 */
public final class CrashChild {
    private CrashChild() { }

    /** @param args the notebook file */
    public static void main(String[] args) {
        JsonLabNotebook nb = new JsonLabNotebook(Path.of(args[0]));
        Experiment e = Experiment.of(p -> Map.of("v", ((Long) p.get("i")) * 0.5, "s", "row " + p.get("i")));
        long i = nb.numberOfResults();
        while (true) {
            for (int k = 0; k < 10; k++, i++) {
                ResultsDict r = e.set(Map.of("i", i)).run();
                nb.addResult(r);
            }
            nb.commit();
            System.out.println(nb.numberOfResults());
            System.out.flush();
        }
    }
}
