package org.jepyc.cluster;

import java.nio.file.Path;
import java.util.stream.IntStream;

import org.jepyc.FactorialDesign;
import org.jepyc.json.JsonLabNotebook;
import org.jepyc.cluster.testexp.Sum;

/** Process 1 of the disconnected test: submits points into a JSON notebook and exits. */
public final class SubmitMain {
    private SubmitMain() { }

    /** @param args notebook, connection file, number of points */
    public static void main(String[] args) {
        int n = Integer.parseInt(args[2]);
        try (JsonLabNotebook nb = new JsonLabNotebook(Path.of(args[0]), true);
             ClusterLab lab = new ClusterLab(nb, Path.of(args[1]), new FactorialDesign(), ClusterOptions.defaults())) {
            nb.addResultSet("submitted");
            lab.put("a", IntStream.range(0, n));
            lab.put("ms", 1);
            lab.runExperiment(new Sum());
        }
        System.exit(0);
    }
}
