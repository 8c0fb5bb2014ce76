package org.jepyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.jepyc.FactorialDesign;
import org.jepyc.LabNotebook;
import org.jepyc.ResultsDict;
import org.jepyc.cli.slurm.OneNodeSlurm;
import org.jepyc.cluster.ClusterLab;
import org.jepyc.cluster.ClusterOptions;
import org.jepyc.cluster.admin.ConnectionFile;
import org.jepyc.cluster.admin.JepycHome;
import org.jepyc.cluster.client.JobClient;
import org.jepyc.cluster.slurm.Slurm;
import org.jepyc.cluster.slurm.SlurmCluster;
import org.jepyc.cluster.slurm.SlurmJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jepyc cluster start --slurm} against a real one-node SLURM: workers as a job array, a
 * campaign that outlives its jobs' time limit, a cancelled job, stop cancelling pending jobs.
 */
@Tag("system")
class SlurmClusterIT {
    private static OneNodeSlurm slurm;

    @TempDir
    Path home;

    @BeforeAll
    static void startSlurm() throws Exception {
        slurm = OneNodeSlurm.start();
    }

    @AfterAll
    static void stopSlurm() {
        if (slurm != null) {
            slurm.close();
        }
    }

    @BeforeEach
    void useTempHome() {
        System.setProperty("jepyc.home", home.toString());
    }

    @AfterEach
    void stopCluster() throws Exception {
        // a test that stopped its cluster left no pid file
        if (Files.exists(JepycHome.profileDir(null).resolve("workers.pids"))) {
            Main.run("cluster", "stop", "--force", "--timeout", "20");
        }
        System.clearProperty("jepyc.home");
    }

    private static String run(int expected, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(args)).as(String.join(" ", args) + ": " + buf).isEqualTo(expected);
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static SlurmCluster cluster() {
        return new SlurmCluster(JepycHome.profileDir(null), new Slurm());
    }

    private static String logs() throws Exception {
        StringBuilder sb = new StringBuilder();
        Path logs = JepycHome.profileDir(null).resolve("logs");
        if (Files.isDirectory(logs)) {
            try (var s = Files.list(logs)) {
                for (Path p : s.sorted().toList()) {
                    List<String> l = Files.readAllLines(p);
                    sb.append("--- ").append(p.getFileName()).append('\n')
                            .append(String.join("\n", l.subList(Math.max(0, l.size() - 15), l.size()))).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** Every point's result, by its parameter a, checked to be twice a; each a must appear once. */
    private static Map<Long, Long> byPoint(LabNotebook nb) {
        Map<Long, Long> seen = new TreeMap<>();
        for (ResultsDict r : nb.results()) {
            long a = ((Number) r.parameters().get("a")).longValue();
            assertThat(seen.put(a, ((Number) r.results().get("twice")).longValue())).as("point a=%d twice", a).isNull();
        }
        return seen;
    }

    @Test
    void aCampaignOutlivesItsJobsTimeLimitAndEveryPointLandsOnce() throws Exception {
        int points = 1000;
        long ms = 120;      // 120 s of work for two workers: more than their jobs' 1-minute limit
        // no warning signal: SLURM may send it up to a minute early, all of a 1-minute job; the
        // workers leave by their end time, or SLURM's SIGTERM at the limit makes them hand back
        run(0, "cluster", "start", "--slurm", "-n", "2", "--time", "1", "--resubmit", "--signal-seconds", "0");
        long t0 = System.nanoTime();
        LabNotebook nb = new LabNotebook();
        ClusterOptions o = ClusterOptions.defaults().withBatchSize(10).withWaitingTime(Duration.ofSeconds(2));
        try (ClusterLab lab = new ClusterLab(nb, JepycHome.connectionFile(null), new FactorialDesign(), o)) {
            lab.put("a", IntStream.range(0, points));
            lab.put("ms", ms);
            lab.runExperiment(new SlowPoint());
            assertThat(lab.waitFor(Duration.ofMinutes(4))).as("campaign done; logs:\n%s", logs()).isTrue();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<Long, Long> seen = byPoint(nb);
        assertThat(seen).hasSize(points);
        seen.forEach((a, twice) -> assertThat(twice).isEqualTo(2 * a));
        assertThat(nb.numberOfPendingResults()).isZero();
        // the first two workers' jobs ended mid-campaign: the head submitted replacements
        List<String> jobs = cluster().jobIds();
        assertThat(jobs).as("jobs submitted; logs:\n%s", logs()).hasSizeGreaterThan(1);
        assertThat(run(0, "cluster", "stop")).contains("Stopped");
        // figures for the record (not asserted): job time not spent on points, per job
        double jobSeconds = 0;
        int ran = 0;
        for (String line : slurm.command("squeue", "-h", "-t", "all", "-j", String.join(",", jobs), "-o", "%i|%T|%M")) {
            String[] f = line.trim().split("\\|");
            String[] hms = f[2].split(":");
            double t = 0;
            for (String x : hms) {
                t = t * 60 + Double.parseDouble(x.contains("-") ? x.substring(x.indexOf('-') + 1) : x);
            }
            jobSeconds += t;
            ran++;
            System.out.println("SLURM job " + line.trim());
        }
        System.out.printf("SLURM campaign: %d points x %d ms on 2 workers in %.1f s wall (%.1f points/s; ideal %.1f s); "
                + "%d worker jobs ran %.0f s for %.0f s of points: %.1f s lost per job%n", points, ms, seconds,
                points / seconds, points * ms / 2000.0, ran, jobSeconds, points * ms / 1000.0,
                (jobSeconds - points * ms / 1000.0) / Math.max(1, ran));
    }

    @Test
    void pointsPerSecondThroughTwoSlurmWorkers() throws Exception {
        int points = 4000;
        run(0, "cluster", "start", "--slurm", "-n", "2");
        ConnectionFile cf = ConnectionFile.read(JepycHome.connectionFile(null));
        int engines;
        try (JobClient c = JobClient.connect(cf, Duration.ofSeconds(5), 0)) {
            // on a loaded machine a worker may fail to join in Hazelcast's time and its job end: one is enough to measure
            OneNodeSlurm.await(Duration.ofSeconds(180), () -> c.engines() >= 1, "a SLURM worker joined");
            engines = c.engines();
        }
        LabNotebook nb = new LabNotebook();
        ClusterOptions o = ClusterOptions.defaults().withBatchSize(100).withWaitingTime(Duration.ofMillis(200));
        long t0 = System.nanoTime();
        try (ClusterLab lab = new ClusterLab(nb, JepycHome.connectionFile(null), new FactorialDesign(), o)) {
            lab.put("a", IntStream.range(0, points));
            lab.put("ms", 0L);
            lab.runExperiment(new SlowPoint());
            assertThat(lab.waitFor(Duration.ofMinutes(2))).as("campaign done; logs:\n%s", logs()).isTrue();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(byPoint(nb)).hasSize(points);
        System.out.printf("SLURM throughput: %d instant points through %d SLURM workers (batches of 100) in %.2f s: "
                + "%.0f points/s%n", points, engines, seconds, points / seconds);
    }

    @Test
    void aCancelledWorkerJobsBatchesRunElsewhereAndLandOnce() throws Exception {
        int points = 200;
        run(0, "cluster", "start", "--slurm", "-n", "2");
        LabNotebook nb = new LabNotebook();
        ClusterOptions o = ClusterOptions.defaults().withBatchSize(5).withWaitingTime(Duration.ofSeconds(1));
        try (ClusterLab lab = new ClusterLab(nb, JepycHome.connectionFile(null), new FactorialDesign(), o)) {
            lab.put("a", IntStream.range(0, points));
            lab.put("ms", 50L);
            lab.runExperiment(new SlowPoint());
            OneNodeSlurm.await(Duration.ofSeconds(120), () -> {
                lab.updateResults();
                return nb.numberOfResults() >= points / 5;
            }, "a fifth of the results");
            String first = cluster().jobIds().get(0) + "_0";
            slurm.command("scancel", first);
            OneNodeSlurm.await(Duration.ofSeconds(60), () -> {
                try {
                    return cluster().jobs().stream().anyMatch(j -> j.id().equals(first) && j.state().equals("CANCELLED"));
                } catch (Exception e) {
                    return false;
                }
            }, "job " + first + " cancelled");
            assertThat(lab.waitFor(Duration.ofMinutes(3))).as("campaign done; logs:\n%s", logs()).isTrue();
            assertThat(run(0, "cluster", "status")).contains(first).contains("CANCELLED").contains("1 running");
        }
        Map<Long, Long> seen = byPoint(nb);
        assertThat(seen).hasSize(points);
        seen.forEach((a, twice) -> assertThat(twice).isEqualTo(2 * a));
    }

    @Test
    void scaleAddsWorkersAndStopCancelsPendingJobs() throws Exception {
        // each job asks for both CPUs of the one node: one runs, the others wait
        String started = run(0, "cluster", "start", "--slurm", "-n", "3", "--cpus-per-task",
                Integer.toString(Runtime.getRuntime().availableProcessors()));
        assertThat(started).contains("Submitted 3 workers");
        OneNodeSlurm.await(Duration.ofSeconds(60), () -> {
            try {
                return cluster().jobs().stream().filter(SlurmJob::pending).mapToInt(SlurmJob::tasks).sum() == 2;
            } catch (Exception e) {
                return false;
            }
        }, "two pending workers");
        assertThat(run(0, "cluster", "status")).contains("2 pending");
        assertThat(run(0, "cluster", "scale", "--slurm", "+1")).contains("Submitted 1 more workers");
        OneNodeSlurm.await(Duration.ofSeconds(60), () -> {
            try {
                return cluster().jobs().stream().filter(SlurmJob::pending).mapToInt(SlurmJob::tasks).sum() == 3;
            } catch (Exception e) {
                return false;
            }
        }, "three pending workers after scaling");
        List<String> ids = cluster().jobIds();
        assertThat(ids).hasSize(2);
        assertThat(run(0, "cluster", "stop")).contains("Cancelled SLURM jobs");
        OneNodeSlurm.await(Duration.ofSeconds(60), () -> {
            try {
                return slurm.command("squeue", "-h", "-t", "PENDING,RUNNING,CONFIGURING", "-j", String.join(",", ids), "-o", "%i")
                        .stream().allMatch(String::isBlank);
            } catch (Exception e) {
                return false;
            }
        }, "no pending or running job left");
    }
}
