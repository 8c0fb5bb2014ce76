package org.jepyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jepyc jupyter install} refusals, run in this JVM: nothing is written. */
class JupyterCommandTest {

    @Test
    void aForeignKernelCalledJepycIsLeftAlone(@TempDir Path tmp) throws Exception {
        Path foreign = Files.createDirectories(tmp.resolve("prefix/share/jupyter/kernels/jepyc")).resolve("kernel.json");
        Files.writeString(foreign, "{\"argv\": [\"python3\"]}");
        Jepyc.Result r = Cli.run("jupyter", "install", "--prefix", tmp.resolve("prefix").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("is not a jepyc kernel spec");
        assertThat(Files.readString(foreign)).isEqualTo("{\"argv\": [\"python3\"]}");
    }

    @Test
    void userAndPrefixCannotBeGivenTogether(@TempDir Path tmp) throws Exception {
        Jepyc.Result r = Cli.run("jupyter", "install", "--user", "--prefix", tmp.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("mutually exclusive");
    }
}
