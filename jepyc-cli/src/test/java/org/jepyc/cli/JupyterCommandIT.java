package org.jepyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jepyc jupyter install/uninstall} through the real launcher: the kernel runs on the launcher's own jars. */
class JupyterCommandIT {

    @Test
    void installWritesAKernelOnTheCommandsOwnJarsAndUninstallRemovesIt(@TempDir Path tmp) throws Exception {
        Jepyc.Result r = Jepyc.run(tmp, "jupyter", "install", "--prefix", tmp.resolve("prefix").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Path dir = tmp.resolve("prefix/share/jupyter/kernels/jepyc");
        assertThat(r.out()).contains("Java (jepyc)").contains(dir.toString()).contains("JUPYTER_PATH=" + tmp.resolve("prefix/share/jupyter"));
        JsonNode k = new ObjectMapper().readTree(dir.resolve("kernel.json").toFile());
        assertThat(k.path("display_name").asText()).isEqualTo("Java (jepyc)");
        List<String> argv = new ObjectMapper().convertValue(k.path("argv"), List.class);
        String[] cp = argv.get(argv.indexOf("-cp") + 1).split(File.pathSeparator);
        assertThat(cp).allSatisfy(e -> assertThat(Path.of(e)).exists());
        assertThat(cp).anySatisfy(e -> assertThat(e).contains("rapaio-jupyter-kernel"))
                .anySatisfy(e -> assertThat(e).contains("jepyc-jupyter")).anySatisfy(e -> assertThat(e).contains("jepyc-core"));

        Jepyc.Result u = Jepyc.run(tmp, "jupyter", "uninstall", "--prefix", tmp.resolve("prefix").toString());
        assertThat(u.exit()).as(u.err()).isZero();
        assertThat(dir).doesNotExist();
        Jepyc.Result again = Jepyc.run(tmp, "jupyter", "uninstall", "--prefix", tmp.resolve("prefix").toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err().strip()).isEqualTo("jepyc: No jepyc kernel installed in " + tmp.resolve("prefix/share/jupyter/kernels"));
    }
}
