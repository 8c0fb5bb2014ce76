package org.jepyc.jupyter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapaio.jupyter.kernel.MainApp;

class KernelSpecTest {

    private static Path jarOf(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static KernelSpec spec(Path classes) throws URISyntaxException {
        return new KernelSpec("/opt/java/bin/java", List.of(jarOf(MainApp.class), classes));
    }

    @Test
    void installWritesAKernelJsonStartingTheGatedKernelOnTheClassPath(@TempDir Path tmp) throws Exception {
        Path dir = spec(tmp.resolve("classes")).install(KernelSpec.prefixKernelsDir(tmp));
        assertThat(dir).isEqualTo(tmp.resolve("share/jupyter/kernels/jepyc"));
        JsonNode k = new ObjectMapper().readTree(dir.resolve("kernel.json").toFile());
        assertThat(k.path("display_name").asText()).isEqualTo("Java (jepyc)");
        assertThat(k.path("language").asText()).isEqualTo("java");
        List<String> argv = new ObjectMapper().convertValue(k.path("argv"), List.class);
        assertThat(argv.get(0)).isEqualTo("/opt/java/bin/java");
        assertThat(argv).contains("-D" + KernelSpec.KERNEL_PROPERTY + "=true");
        assertThat(argv.subList(argv.size() - 2, argv.size())).containsExactly(KernelMain.class.getName(), "{connection_file}");
        String cp = argv.get(argv.indexOf("-cp") + 1);
        assertThat(cp.split(File.pathSeparator)).containsExactly(jarOf(MainApp.class).toString(), tmp.resolve("classes").toString());
        Path script = Path.of(k.path("env").path("RJK_INIT_SCRIPT").asText());
        assertThat(script).isEqualTo(dir.resolve("startup.jshell"));
        assertThat(Files.readString(script)).contains("import org.jepyc.*;").contains("import org.jepyc.jupyter.*;");
        assertThat(k.path("env").path("RJK_CLASSPATH").asText().split(";")).hasSize(2);
    }

    @Test
    void installingAgainReplacesTheSpec(@TempDir Path tmp) throws Exception {
        Path kernels = tmp.resolve("kernels");
        spec(tmp.resolve("old")).install(kernels);
        Path dir = spec(tmp.resolve("new")).install(kernels);
        assertThat(Files.readString(dir.resolve("kernel.json"))).contains(tmp.resolve("new").toString())
                .doesNotContain(tmp.resolve("old").toString());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("kernel.json", "startup.jshell");
        }
    }

    @Test
    void aForeignKernelNamedJepycIsNeitherReplacedNorRemoved(@TempDir Path tmp) throws Exception {
        Path kernels = tmp.resolve("kernels");
        Path foreign = Files.createDirectories(kernels.resolve("jepyc")).resolve("kernel.json");
        Files.writeString(foreign, "{\"argv\": [\"python3\"], \"display_name\": \"someone else's\"}");
        assertThatThrownBy(() -> spec(tmp).install(kernels)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not a jepyc kernel spec");
        assertThatThrownBy(() -> KernelSpec.uninstall(kernels)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(kernels.resolve("jepyc").toString());
        assertThat(Files.readString(foreign)).contains("someone else's");
    }

    @Test
    void uninstallRemovesWhatInstallWroteAndSaysWhenThereIsNothing(@TempDir Path tmp) throws Exception {
        Path kernels = tmp.resolve("kernels");
        Path dir = spec(tmp).install(kernels);
        assertThat(KernelSpec.uninstall(kernels)).contains(dir);
        assertThat(dir).doesNotExist();
        assertThat(KernelSpec.uninstall(kernels)).isEmpty();
    }

    @Test
    void aClassPathWithoutTheKernelIsRefusedWithWhatToDo(@TempDir Path tmp) {
        KernelSpec s = new KernelSpec("java", List.of(tmp.resolve("jepyc-core.jar")));
        assertThatThrownBy(() -> s.install(tmp.resolve("kernels"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rapaio-jupyter-kernel").hasMessageContaining("mvn");
        assertThat(tmp.resolve("kernels")).doesNotExist();
    }

    @Test
    void theUserDirectoryIsJupytersDataDirectory() {
        String data = System.getenv("JUPYTER_DATA_DIR");
        Path expected = data != null && !data.isBlank() ? Path.of(data, "kernels")
                : System.getenv("XDG_DATA_HOME") != null ? Path.of(System.getenv("XDG_DATA_HOME"), "jupyter/kernels")
                : Path.of(System.getProperty("user.home"), ".local/share/jupyter/kernels");
        assertThat(KernelSpec.userKernelsDir()).isEqualTo(expected);
    }
}
