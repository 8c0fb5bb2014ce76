package org.jepyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jepyc.cluster.admin.JepycHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SLURM options of {@code jepyc cluster start} and {@code scale} that need no SLURM: the dry run and the refusals. */
class ClusterSlurmCommandTest {
    @TempDir
    Path home;

    @BeforeEach
    void useTempHome() {
        System.setProperty("jepyc.home", home.toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("jepyc.home");
    }

    private static String[] run(String... args) {
        PrintStream old = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = Main.run(args);
        } finally {
            System.setOut(old);
            System.setErr(oldErr);
        }
        return new String[] {Integer.toString(rc), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void theDryRunPrintsTheBatchScriptAndStartsNothing() throws Exception {
        Path jar = Files.createFile(home.resolve("exp.jar"));
        String[] r = run("cluster", "start", "--slurm", "--dry-run", "-n", "40", "--time", "1:30:00", "--partition", "short",
                "--account", "proj1", "--mem", "2G", "--threads", "4", "--sbatch=--qos=low", "--sbatch=--exclusive",
                "--java-home", "/opt/jdk-17", "--jvm-option", "-Xmx3g", "--prologue", "module load java/17",
                "--signal-seconds", "120", "--classpath", jar.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).startsWith("#!/bin/bash\n").contains("#SBATCH --time=1:30:00", "#SBATCH --partition=short",
                "#SBATCH --account=proj1", "#SBATCH --mem=2G", "#SBATCH --cpus-per-task=4", "#SBATCH --qos=low",
                "#SBATCH --exclusive", "#SBATCH --signal=B:USR1@120", "module load java/17", "java=/opt/jdk-17/bin/java",
                "-Xmx3g", "org.jepyc.cli.Main worker --connect", "--lite", "--end-margin 120", "--threads 4",
                "--classpath " + jar.toAbsolutePath(), JepycHome.connectionFile(null).toString());
        assertThat(r[1]).doesNotContain("-Xmx1g");
        // nothing was started or written
        assertThat(JepycHome.connectionFile(null)).doesNotExist();
        assertThat(JepycHome.profileDir(null).resolve("slurm-jobs")).doesNotExist();
    }

    @Test
    void scaleNeedsASlurmProfileAndAPositiveCount() {
        String[] r = run("cluster", "scale", "--slurm", "+2");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("has no SLURM workers").contains("cluster start --slurm");
        r = run("cluster", "scale", "--slurm", "+0");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("+0");
        assertThat(run("cluster", "scale", "+2")[0]).isEqualTo("2");      // --slurm is required
    }
}
