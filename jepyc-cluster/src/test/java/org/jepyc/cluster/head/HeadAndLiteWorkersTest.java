package org.jepyc.cluster.head;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.jepyc.FactorialDesign;
import org.jepyc.LabNotebook;
import org.jepyc.ResultsDict;
import org.jepyc.cluster.ClusterLab;
import org.jepyc.cluster.ClusterOptions;
import org.jepyc.cluster.launch.ClusterLauncher;
import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.client.ClusterStatus;
import org.jepyc.cluster.client.JobClient;
import org.jepyc.cluster.protocol.Names;
import org.jepyc.cluster.protocol.TaskState;
import org.jepyc.cluster.testexp.Sum;
import org.jepyc.cluster.worker.Worker;
import org.jepyc.cluster.worker.WorkerMain;
import org.jepyc.cluster.worker.WorkerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jepyc.fixtures.SystemTest;

/**
 * A head holding the data and lite workers with an end time, as batch jobs run them, in this JVM:
 * a worker takes no batch it cannot finish before its end, a worker told to go hands its batch back,
 * and in both cases every point still lands once.
 */
@SystemTest
class HeadAndLiteWorkersTest {
    @TempDir
    Path dir;
    private Head head;
    private ConnectionFile cf;
    private final List<Worker> workers = new java.util.ArrayList<>();

    @BeforeEach
    void startHead() throws Exception {
        cf = ClusterLauncher.newConnection(dir.resolve("jepyc-cluster.json"), 1, "127.0.0.1");
        String a = cf.addresses().get(0);
        head = new Head(cf, "127.0.0.1", Integer.parseInt(a.substring(a.lastIndexOf(':') + 1))).start();
    }

    @AfterEach
    void stopAll() {
        workers.forEach(Worker::close);
        head.close();
    }

    private Worker worker(Instant end) throws Exception {
        Worker w = new Worker(new WorkerOptions(cf, "127.0.0.1", WorkerMain.freePort("127.0.0.1"), 1, List.of(),
                List.of(), true, end, Duration.ZERO)).start();
        workers.add(w);
        return w;
    }

    private static void await(Duration timeout, BooleanSupplier c, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!c.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private ClusterStatus status() {
        try (JobClient c = JobClient.connect(cf, Duration.ofSeconds(5), 0)) {
            return c.status(new org.jepyc.cluster.protocol.Signer(cf.secret()));
        }
    }

    private static void eachPointOnce(LabNotebook nb, int n) {
        TreeSet<Long> seen = new TreeSet<>();
        for (ResultsDict r : nb.results()) {
            long a = ((Number) r.parameters().get("a")).longValue();
            assertThat(seen.add(a)).as("point %d once", a).isTrue();
            assertThat(((Number) r.results().get("total")).longValue()).isEqualTo(a);
        }
        assertThat(seen).hasSize(n);
    }

    @Test
    void aWorkerTakesNoBatchItCannotFinishBeforeItsJobEndsAndLeaves() throws Exception {
        LabNotebook nb = new LabNotebook();
        ClusterOptions o = ClusterOptions.defaults().withBatchSize(2).withWaitingTime(Duration.ofMillis(200));
        try (ClusterLab lab = new ClusterLab(nb, cf.path(), new FactorialDesign(), o)) {
            lab.put("a", IntStream.range(0, 20));
            lab.put("ms", 200);
            lab.runExperiment(new Sum());
            // 400 ms per batch; 1.5 s left: a few batches, then none fits and the worker leaves
            Worker w = worker(Instant.now().plusMillis(1500));
            Thread waiting = new Thread(() -> {
                try {
                    w.awaitStop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waiting.start();
            waiting.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(waiting.isAlive()).as("the worker left by itself").isFalse();
            ClusterStatus s = status();
            assertThat(s.runningBatches()).isZero();
            assertThat(s.queuedBatches()).as("batches left for others").isPositive();
            worker(null);
            assertThat(lab.waitFor(Duration.ofSeconds(60))).isTrue();
        }
        eachPointOnce(nb, 20);
    }

    @Test
    void aWorkerToldToGoHandsItsBatchBackUncounted() throws Exception {
        LabNotebook nb = new LabNotebook();
        ClusterOptions o = ClusterOptions.defaults().withBatchSize(1).withWaitingTime(Duration.ofMillis(200));
        try (ClusterLab lab = new ClusterLab(nb, cf.path(), new FactorialDesign(), o)) {
            lab.put("a", List.of(7));
            lab.put("ms", 5_000);
            Worker w = worker(null);
            lab.runExperiment(new Sum());
            await(Duration.ofSeconds(30), () -> status().runningBatches() == 1, "the batch running");
            w.handBack();
            ClusterStatus s = status();
            assertThat(s.runningBatches()).isZero();
            assertThat(s.queuedBatches()).isEqualTo(1);
            // handing back is no death: no retry is counted
            assertThat(head.instance().<String, String>getMap(Names.STATE).values())
                    .singleElement().satisfies(v -> assertThat(TaskState.parse(v).attempt()).isZero());
            assertThat(lab.lostJobs()).isEmpty();
        }
        eachPointOnce(nb, 0);
    }
}
