package org.jepyc.cli.slurm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A real one-node SLURM on 127.0.0.1 for tests: its own munged, slurmctld and slurmd, started as
 * root, on free ports, with state, spool, logs and munge socket in a temporary directory and a
 * unique cluster name, so that it disturbs no other SLURM on the machine. Its configuration is
 * written where the environment variable {@code SLURM_CONF} points (the failsafe plugin sets it),
 * so that SLURM's commands run by the code under test, and the processes it starts, use it.
 * {@link #close()} cancels every job, stops the daemons and kills what the jobs left behind.
 * Where SLURM cannot run (not root, packages missing, no {@code SLURM_CONF}) the tests are skipped.
 */
public final class OneNodeSlurm implements AutoCloseable {
    private static final List<String> DAEMONS = List.of("/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd");
    private final Path conf;
    private final Path dir;
    private final List<Process> daemons = new ArrayList<>();
    private final Thread hook = new Thread(this::stopQuietly, "one-node-slurm-stop");

    private OneNodeSlurm(Path conf, Path dir) {
        this.conf = conf;
        this.dir = dir;
    }

    /**
     * Starts SLURM and waits until its node is idle, or skips the calling test saying why.
     *
     * @return the running SLURM
     * @throws Exception if it was possible but failed
     */
    public static OneNodeSlurm start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "SLURM tests skipped: slurmctld and slurmd must be started as root (running as "
                        + System.getProperty("user.name") + ")");
        for (String d : DAEMONS) {
            assumeTrue(Files.isExecutable(Path.of(d)), "SLURM tests skipped: " + d
                    + " is missing (apt-get install slurm-wlm munge, as .ci/run does)");
        }
        String confEnv = System.getenv("SLURM_CONF");
        assumeTrue(confEnv != null && !confEnv.isBlank(), "SLURM tests skipped: SLURM_CONF is not set "
                + "(the failsafe plugin sets it; run them with mvn verify)");
        Path conf = Path.of(confEnv).toAbsolutePath();
        Files.createDirectories(conf.getParent());
        Path dir = Files.createTempDirectory("jepyc-slurm",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        OneNodeSlurm s = new OneNodeSlurm(conf, dir);
        Runtime.getRuntime().addShutdownHook(s.hook);
        try {
            s.boot();
        } catch (Exception | AssertionError e) {
            String logs = s.logs();
            s.close();
            throw new IllegalStateException("The test SLURM did not start: " + e.getMessage() + "\n" + logs, e);
        }
        return s;
    }

    private void boot() throws Exception {
        Path key = dir.resolve("munge.key");
        byte[] secret = new byte[1024];
        new SecureRandom().nextBytes(secret);
        Files.write(key, secret);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
        Path socket = dir.resolve("munge.socket");
        daemons.add(daemon("munged", "/usr/sbin/munged", "-F", "--socket=" + socket, "--key-file=" + key,
                "--pid-file=" + dir.resolve("munged.pid"), "--log-file=" + dir.resolve("munged.log"),
                "--seed-file=" + dir.resolve("munged.seed")));
        await(Duration.ofSeconds(20), () -> Files.exists(socket), "munged's socket " + socket);

        // the node as slurmd sees this machine: its CPUs, cores and memory
        String node = command("slurmd", "-C").get(0).trim();
        String nodeName = node.substring("NodeName=".length(), node.indexOf(' '));
        int ctldPort = freePort();
        int slurmdPort;
        do {
            slurmdPort = freePort();
        } while (slurmdPort == ctldPort);
        Files.createDirectories(dir.resolve("state"));
        Files.createDirectories(dir.resolve("spool"));
        Files.writeString(dir.resolve("plugstack.conf"), "");
        List<String> c = List.of(
                "ClusterName=jepyc" + UUID.randomUUID().toString().replace("-", "").substring(0, 10),
                "SlurmctldHost=" + nodeName + "(127.0.0.1)",
                "SlurmctldPort=" + ctldPort,
                "SlurmdPort=" + slurmdPort,
                "AuthType=auth/munge",
                "CredType=cred/munge",
                "AuthInfo=socket=" + socket,
                "SlurmUser=root",
                "SlurmdUser=root",
                "StateSaveLocation=" + dir.resolve("state"),
                "SlurmdSpoolDir=" + dir.resolve("spool"),
                "SlurmctldPidFile=" + dir.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + dir.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + dir.resolve("slurmctld.log"),
                "SlurmdLogFile=" + dir.resolve("slurmd.log"),
                "PlugStackConfig=" + dir.resolve("plugstack.conf"),
                "ProctrackType=proctrack/pgid",
                "TaskPlugin=task/none",
                "MpiDefault=none",
                "SwitchType=switch/none",
                "SchedulerType=sched/backfill",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_Core",
                "AccountingStorageType=accounting_storage/none",
                "JobCompType=jobcomp/none",
                "JobAcctGatherType=jobacct_gather/none",
                "ReturnToService=2",
                // a job past its time limit gets SIGTERM, then SIGKILL this many seconds later
                "KillWait=5",
                "MinJobAge=600",
                "InactiveLimit=0",
                node + " NodeAddr=127.0.0.1 State=UNKNOWN",
                "PartitionName=debug Nodes=" + nodeName + " Default=YES MaxTime=INFINITE State=UP");
        Files.write(conf, c);
        daemons.add(daemon("slurmctld", "/usr/sbin/slurmctld", "-D", "-f", conf.toString()));
        daemons.add(daemon("slurmd", "/usr/sbin/slurmd", "-D", "-f", conf.toString(), "-N", nodeName));
        await(Duration.ofSeconds(60), () -> {
            try {
                return command("sinfo", "-h", "-o", "%t").stream().anyMatch(l -> l.trim().equals("idle"));
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }, "the SLURM node to be idle");
    }

    /** @return the configuration file (what {@code SLURM_CONF} names) */
    public Path conf() {
        return conf;
    }

    /**
     * Runs a SLURM command against this SLURM.
     *
     * @param cmd the command line
     * @return its output lines
     * @throws IOException if it fails
     */
    public List<String> command(String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SLURM_CONF", conf.toString());
        Path out = Files.createTempFile(dir, "cmd", ".out");
        Path err = Files.createTempFile(dir, "cmd", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(new File("/dev/null"));
        try {
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " did not finish within 60 s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + Files.readString(err));
            }
            return Files.readAllLines(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Waits for a condition, polling.
     *
     * @param timeout the deadline
     * @param cond    the condition
     * @param what    what is awaited, for the failure message
     * @throws InterruptedException if interrupted
     */
    public static void await(Duration timeout, BooleanSupplier cond, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    /** @return the daemons' logs, for failure messages */
    public String logs() {
        StringBuilder sb = new StringBuilder();
        for (String f : List.of("munged.out", "slurmctld.out", "slurmd.out")) {
            Path p = dir.resolve(f);
            try {
                if (Files.exists(p)) {
                    List<String> lines = Files.readAllLines(p);
                    sb.append("--- ").append(f).append('\n')
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()))).append('\n');
                }
            } catch (IOException e) {
                sb.append(f).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return sb.toString();
    }

    private Process daemon(String name, String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SLURM_CONF", conf.toString());
        File log = dir.resolve(name + ".out").toFile();
        pb.redirectErrorStream(true).redirectOutput(log).redirectInput(new File("/dev/null"));
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** Cancels every job, stops the daemons, kills what jobs left behind and deletes the directory. */
    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway
        }
    }

    private synchronized void stopQuietly() {
        if (daemons.size() == DAEMONS.size()) {
            try {
                command("scancel", "--user=" + System.getProperty("user.name"));
                await(Duration.ofSeconds(30), () -> {
                    try {
                        return command("squeue", "-h", "-o", "%i").stream().allMatch(String::isBlank);
                    } catch (IOException e) {
                        return true;
                    }
                }, "the test SLURM's jobs to end");
            } catch (Exception | AssertionError e) {
                System.err.println("Stopping the test SLURM: " + e.getMessage());
            }
        }
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process p = daemons.get(i);
            p.destroy();
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        daemons.clear();
        killJobLeftovers();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }

    /** Kills processes of this SLURM's jobs that outlived it: those with its SLURM_CONF and a job id. */
    private void killJobLeftovers() {
        String mine = "SLURM_CONF=" + conf;
        ProcessHandle.allProcesses().forEach(h -> {
            try {
                byte[] env = Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "environ"));
                List<String> vars = List.of(new String(env, StandardCharsets.UTF_8).split("\0"));
                if (vars.contains(mine) && vars.stream().anyMatch(v -> v.startsWith("SLURM_JOB_ID="))) {
                    h.destroyForcibly();
                }
            } catch (IOException | RuntimeException e) {
                // gone, or not ours to read
            }
        });
    }
}
