package org.jepyc.hdf5;

import org.jepyc.fixtures.SystemTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jepyc.Experiment;
import org.jepyc.ResultsDict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that commits to a notebook in a loop ({@link ChildCommitLoop}) with SIGKILL at
 * random moments, 52 times on the same file, and after each kill checks the file opens with at
 * least every row of the last commit the child reported complete, every row intact.
 */
@SystemTest
class CrashSafetyTest {

    static final int KILLS = 52;

    @TempDir
    Path tmp;

    @Test
    void aCommitKilledAtAnyMomentLeavesEveryResultOfTheLastCompletedCommit() throws Exception {
        Path file = tmp.resolve("crash.h5");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Random rnd = new Random(20261123);
        int killedMidRun = 0;
        long rowsChecked = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = new ProcessBuilder(javaBin, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"),
                    ChildCommitLoop.class.getName(), file.toString(), Long.toString(rnd.nextLong()))
                    .redirectError(tmp.resolve("child.err").toFile()).start();
            AtomicReference<String> last = new AtomicReference<>();
            Object firstCommit = new Object();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.startsWith("C")) {
                            last.set(line);
                            synchronized (firstCommit) {
                                firstCommit.notifyAll();
                            }
                        }
                    }
                } catch (java.io.IOException e) {
                    // the child died: what it printed so far is what counts
                }
            });
            reader.start();
            synchronized (firstCommit) {
                long deadline = System.currentTimeMillis() + 20_000;
                while (last.get() == null && child.isAlive() && System.currentTimeMillis() < deadline) {
                    firstCommit.wait(100);
                }
            }
            if (last.get() == null) {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
            assertThat(last.get()).as("child never committed (kill %d): %s", kill,
                    Files.readString(tmp.resolve("child.err"))).isNotNull();
            Thread.sleep(rnd.nextInt(200));
            assertThat(child.isAlive()).as("child %d ended by itself: %s", kill,
                    Files.readString(tmp.resolve("child.err"))).isTrue();
            killedMidRun++;
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
            try {
                rowsChecked += check(file, last.get(), kill);
            } catch (RuntimeException | AssertionError e) {
                Path kept = Path.of(System.getProperty("java.io.tmpdir"), "jepyc-crash-" + kill + ".h5");
                Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
                throw new AssertionError("after kill " + kill + " (file kept as " + kept + ")", e);
            }
        }
        assertThat(killedMidRun).isEqualTo(KILLS);
        System.out.printf("CrashSafetyTest: %d kills, 0 corruptions, %d rows checked%n", KILLS, rowsChecked);
    }

    /** Opens the file and checks it holds at least the rows the last reported commit had, all intact. */
    private static long check(Path file, String lastCommit, int kill) {
        Map<String, Integer> committed = new HashMap<>();
        for (String part : lastCommit.substring(2).split(" ")) {
            String[] kv = part.split("=");
            committed.put(kv[0], Integer.parseInt(kv[1]));
        }
        long rows = 0;
        try (Hdf5LabNotebook nb = Hdf5LabNotebook.openReadOnly(file)) {
            for (Map.Entry<String, Integer> c : committed.entrySet()) {
                assertThat(nb.resultSets()).as("kill %d", kill).contains(c.getKey());
                List<ResultsDict> results = nb.results(c.getKey());
                assertThat(results.size()).as("rows of %s after kill %d", c.getKey(), kill)
                        .isGreaterThanOrEqualTo(c.getValue());
                for (ResultsDict r : results) {
                    assertThat(r.metadata().get(Experiment.STATUS)).isEqualTo(true);
                    long a = (Long) r.parameters().get("a");
                    Map<String, Object> expected = ChildCommitLoop.expected(a);
                    for (Map.Entry<String, Object> e : expected.entrySet()) {
                        assertThat(r.results().get(e.getKey())).as("%s of a=%d in %s after kill %d", e.getKey(), a,
                                c.getKey(), kill).isEqualTo(e.getValue());
                    }
                }
                rows += results.size();
            }
        }
        return rows;
    }
}
