package org.jepyc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file whose format cannot be opened gets a message that names it and says what would open it. */
class NotebookFormatsTest {

    @Test
    void anUnknownExtensionIsRefusedNamingTheFileAndTheKnownExtensions(@TempDir Path dir) {
        Path file = dir.resolve("results.csv");
        assertThatThrownBy(() -> LabNotebook.open(file)).isInstanceOf(NotebookException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(".csv is no notebook format")
                .hasMessageContaining("*.json");
        Path bare = dir.resolve("results");
        assertThatThrownBy(() -> LabNotebook.openReadOnly(bare)).isInstanceOf(NotebookException.class)
                .hasMessageContaining(bare.toString()).hasMessageContaining("no extension");
    }

    @Test
    void aKnownFormatWhoseModuleIsAbsentNamesTheModuleToAdd(@TempDir Path dir) {
        // the core's tests see no HDF5 module
        Path file = dir.resolve("results.h5");
        assertThatThrownBy(() -> LabNotebook.open(file, OpenMode.CREATE_NEW)).isInstanceOf(NotebookException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("org.jepyc:jepyc-hdf5");
    }
}
