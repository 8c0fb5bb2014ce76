package org.jepyc.hdf5;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jepyc.Experiment;
import org.jepyc.ResultsDict;

/**
 * The process {@link CrashSafetyTest} kills: commits to a notebook in a loop and prints
 * {@code C tag=rows ...} after each completed commit. Rows are checkable from their parameter
 * alone ({@link #expected}), so a half-written row cannot pass for a good one.
 */
public final class ChildCommitLoop {

    private ChildCommitLoop() { }

    /** @param a a row's parameter @return the results that row must hold */
    public static Map<String, Object> expected(long a) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("total", a * 3);
        r.put("name", "row " + a + " ünïcödé");
        List<Long> l = new ArrayList<>();
        for (long i = 0; i < a % 5; i++) {
            l.add(a + i);
        }
        r.put("list", l);
        return r;
    }

    /**
     * @param args the notebook file, a random seed, and optionally a number of commits (forever if none)
     */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        Random rnd = new Random(Long.parseLong(args[1]));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        Experiment e = Experiment.of(p -> expected((Long) p.get("a")));
        Experiment wider = Experiment.of(p -> {
            Map<String, Object> r = expected((Long) p.get("a"));
            r.put("extra", 1.5);
            return r;
        });
        try (Hdf5LabNotebook nb = new Hdf5LabNotebook(file)) {
            int job = 0;
            for (int round = 0; round < rounds; round++) {
                nb.already("set" + rnd.nextInt(3));
                int k = 1 + rnd.nextInt(20);
                Experiment ex = rnd.nextInt(30) == 0 ? wider : e;   // sometimes a new column: a rewrite
                for (int i = 0; i < k; i++) {
                    long a = rnd.nextInt(100_000);
                    ResultsDict r = ex.set(Map.of("a", a)).run();
                    nb.addResult(r);
                }
                if (rnd.nextInt(8) == 0) {
                    nb.addPendingResult(Map.of("a", (long) rnd.nextInt(1000)), "job-" + args[1] + "-" + job++);
                }
                List<String> pending = nb.pendingResults();
                if (!pending.isEmpty() && rnd.nextInt(6) == 0) {
                    String id = pending.get(0);
                    nb.resolvePendingResult(e.set(nb.pendingResultParameters(id)).run(), id);
                }
                if (rnd.nextInt(15) == 0) {
                    nb.current().setAttribute("round", round);
                    nb.current().setDescription("described in round " + round);
                }
                nb.commit();
                StringBuilder line = new StringBuilder("C");
                for (String tag : nb.resultSets()) {
                    line.append(' ').append(tag).append('=').append(nb.numberOfResults(tag));
                }
                System.out.println(line);
                System.out.flush();
            }
        }
    }
}
