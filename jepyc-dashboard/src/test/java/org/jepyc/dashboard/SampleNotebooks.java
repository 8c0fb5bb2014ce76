package org.jepyc.dashboard;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jepyc.Experiment;
import org.jepyc.Lab;
import org.jepyc.RepeatedExperiment;
import org.jepyc.SummaryExperiment;
import org.jepyc.json.JsonLabNotebook;

/** Small notebooks the tests show: what is in them follows from the experiments below. */
final class SampleNotebooks {
    /** The message of the failure of every point with a = {@value #UNLUCKY}. */
    static final String UNLUCKY_MESSAGE = "a=3 is unlucky";
    static final long UNLUCKY = 3;

    private SampleNotebooks() { }

    /** total = a + b, failing for a = 3. */
    static Experiment sum() {
        return Experiment.of(p -> {
            long a = (Long) p.get("a");
            long b = (Long) p.get("b");
            if (a == UNLUCKY) {
                throw new IllegalStateException(UNLUCKY_MESSAGE);
            }
            return Map.of("total", a + b, "ratio", (double) a / b);
        });
    }

    /**
     * A JSON notebook with set "sums" (a in 0..9, b in 1..2: 20 points, 2 of them failed) and set
     * "summaries" (a in 0..4, b in 1..2, 3 repetitions summarised), "sums" current.
     *
     * @param file where to write it
     * @return the file
     */
    static Path write(Path file) {
        try (JsonLabNotebook nb = new JsonLabNotebook(file, true, "sample notebook")) {
            Lab lab = new Lab(nb);
            lab.createWith("summaries", l -> {
                l.put("a", IntStream.range(0, 5)).put("b", List.of(1, 2));
                l.runExperiment(new SummaryExperiment(new RepeatedExperiment(new Noisy(), 3)));
            }, "repeated and summarised");
            lab.createWith("sums", l -> {
                l.put("a", IntStream.range(0, 10)).put("b", List.of(1, 2));
                l.runExperiment(sum());
            }, "a plus b");
        }
        return file;
    }

    /** noisy = a plus a random number in [0, 0.2). */
    static final class Noisy extends Experiment {
        private static final long serialVersionUID = 1L;

        @Override
        protected Map<String, ?> perform(Map<String, Object> p) {
            return Map.of("noisy", (Long) p.get("a") + 0.2 * random().nextDouble());
        }
    }
}
