package org.jepyc.jupyter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The tutorials are stored as a reader should first see them: no outputs, on the jepyc kernel. */
class TutorialsStoredWithoutOutputsTest {

    static List<Path> tutorials() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("docs/tutorials"))) {
            return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    @Test
    void everyTutorialIsAJepycNotebookWithoutOutputs() throws Exception {
        List<Path> all = tutorials();
        assertThat(all).extracting(p -> p.getFileName().toString()).containsExactly(
                "01-experiments-labs-notebooks.ipynb", "02-parallel.ipynb", "03-result-sets-attributes-hdf5.ipynb",
                "04-jupyter.ipynb");
        for (Path p : all) {
            JsonNode nb = new ObjectMapper().readTree(p.toFile());
            assertThat(nb.path("metadata").path("kernelspec").path("name").asText()).as(p.toString()).isEqualTo(KernelSpec.NAME);
            for (JsonNode cell : nb.path("cells")) {
                if (cell.path("cell_type").asText().equals("code")) {
                    assertThat(cell.path("outputs").size()).as(p + ": outputs of " + cell.path("id")).isZero();
                    assertThat(cell.path("execution_count").isNull()).as(p + ": execution count of " + cell.path("id")).isTrue();
                }
            }
        }
    }
}
