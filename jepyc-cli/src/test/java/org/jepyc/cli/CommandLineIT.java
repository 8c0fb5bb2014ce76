package org.jepyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./jepyc} launcher, as a user runs it: exit statuses reach the shell, output and
 * errors go to their own streams, and the README's first command (the demo) runs and reruns.
 * What each command says is tested in this JVM ({@link CommandLineTest}, {@link HelpAndUsageTest},
 * {@link PlanAndDemoTest}); file safety through the launcher in {@link SafeOutputIT}.
 */
class CommandLineIT {
    @TempDir
    Path dir;

    @Test
    void exitStatusesAndStreamsReachTheShell() throws Exception {
        Jepyc.Result help = Jepyc.run(dir, "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Usage: jepyc ").contains("show", "copy", "demo");
        assertThat(help.err()).isEmpty();
        Jepyc.Result version = Jepyc.run(dir, "--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("jepyc ");

        Jepyc.Result usage = Jepyc.run(dir, "frobnicate");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.out()).isEmpty();
        assertThat(usage.err()).startsWith("jepyc: ");

        Jepyc.Result missing = Jepyc.run(dir, "show", "absent.h5");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("jepyc: No notebook absent.h5 (no such file)");
        assertThat(dir.resolve("absent.h5")).doesNotExist();
    }

    @Test
    void theDemoRunsThenReusesItsResults() throws Exception {
        Jepyc.Result first = Jepyc.run(dir, "demo", "--notebook", "d.h5", "--plot", "d.png");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("Ran 20 points", "pInfect", "Plot of the epidemic size written to d.png");
        assertThat(first.out().lines().filter(l -> l.matches("\\s+0\\.\\d\\d\\s+0\\.\\d0 .*"))).hasSize(20);
        // the progress bar is drawn on standard error, never into the output
        assertThat(first.err()).contains("SIR sweep [");
        assertThat(first.out()).doesNotContain("SIR sweep [");
        assertThat(dir.resolve("d.png")).isNotEmptyFile();
        Jepyc.Result second = Jepyc.run(dir, "demo", "--notebook", "d.h5", "--plot", "d.png");
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("Reused result set sir-sweep");
        assertThat(second.out().lines().skip(2).toList()).isEqualTo(first.out().lines().skip(2).toList());
    }
}
