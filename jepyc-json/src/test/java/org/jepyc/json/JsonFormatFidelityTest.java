package org.jepyc.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rewriting epyc's own file gives epyc's bytes back: layout, key order, floats, timestamps. */
class JsonFormatFidelityTest {

    @Test
    void rewritingEpycsFileReproducesItExceptTheCreator(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("typed.json");
        Files.copy(Fixtures.typedJson(), copy);
        copy.toFile().setWritable(true);
        try (JsonLabNotebook nb = new JsonLabNotebook(copy)) {
            String description = nb.description();
            nb.setDescription(description + ", changed");   // a commit that writes the file...
            nb.commit();
            nb.setDescription(description);                 // ...and one that writes it back as it was
        }
        String original = Files.readString(Fixtures.typedJson(), StandardCharsets.UTF_8);
        String written = Files.readString(copy, StandardCharsets.UTF_8);
        String creator = "\"creator\": ";
        assertThat(dropCreator(written)).isEqualTo(dropCreator(original));
        assertThat(written).contains(creator + "\"" + JsonFormat.CREATOR_TEXT + "\"");
    }

    private static String dropCreator(String s) {
        return s.replaceFirst("\"creator\": \"[^\"]*\"", "\"creator\": X");
    }
}
