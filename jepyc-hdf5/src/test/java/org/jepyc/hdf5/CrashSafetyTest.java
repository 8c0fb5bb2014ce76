package org.jepyc.hdf5;

import org.jepyc.fixtures.SystemTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
        Random rnd = new Random(20261123);
        int killedMidRun = 0;
        long rowsChecked = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            AtomicReference<String> last = new AtomicReference<>();
            Object firstCommit = new Object();
            ChildCommitLoop.Child running = ChildCommitLoop.start(file, rnd.nextLong(), tmp.resolve("child.err"), line -> {
                if (line.startsWith("C")) {
                    last.set(line);
                    synchronized (firstCommit) {
                        firstCommit.notifyAll();
                    }
                }
            });
            Process child = running.process();
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
            running.reader().join(5_000);
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
                ChildCommitLoop.assertIntact(results, c.getKey() + " after kill " + kill);
                rows += results.size();
            }
        }
        return rows;
    }
}
