package org.jepyc.hdf5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.jepyc.Experiment;
import org.jepyc.ResultsDict;

/**
 * A process that commits to a notebook in a loop and prints {@code C tag=rows ...} after each
 * completed commit, for tests that kill it or read the file while it writes. Rows are checkable
 * from their parameter alone ({@link #expected}), so a half-written row cannot pass for a good one.
 */
public final class ChildCommitLoop {

    private ChildCommitLoop() { }

    /**
     * A running child and the thread reading its output.
     *
     * @param process the child JVM
     * @param reader  the thread handing each line it prints on
     */
    public record Child(Process process, Thread reader) { }

    /**
     * Starts the loop in a child JVM on this test's class path.
     *
     * @param file   the notebook
     * @param seed   the child's random seed
     * @param stderr where the child's stderr goes (a file, so that it can never block the child)
     * @param onLine called, on a reader thread, with each line the child prints
     * @return the child
     * @throws IOException if the JVM cannot be started
     */
    public static Child start(Path file, long seed, Path stderr, Consumer<String> onLine) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                ChildCommitLoop.class.getName(), file.toString(), Long.toString(seed))
                .redirectError(stderr.toFile()).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    onLine.accept(line);
                }
            } catch (IOException e) {
                // the child died: what it printed so far is what counts
            }
        });
        reader.start();
        return new Child(child, reader);
    }

    /**
     * Asserts that every row succeeded and holds the results its parameter gives.
     *
     * @param rows  rows the loop wrote
     * @param where which file and set, for messages
     */
    public static void assertIntact(List<ResultsDict> rows, String where) {
        for (ResultsDict r : rows) {
            assertThat(r.metadata().get(Experiment.STATUS)).as("status in %s", where).isEqualTo(true);
            long a = (Long) r.parameters().get("a");
            for (Map.Entry<String, Object> e : expected(a).entrySet()) {
                assertThat(r.results().get(e.getKey())).as("%s of a=%d in %s", e.getKey(), a, where)
                        .isEqualTo(e.getValue());
            }
        }
    }

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
