package org.jepyc.storage;

import java.nio.file.Path;
import java.util.List;

/**
 * A notebook file format, as a service: each format module provides one through
 * {@code META-INF/services/org.jepyc.storage.NotebookFormat}, and the API's
 * {@code LabNotebook.open} picks it by the file's extension ({@link NotebookFormats#formatOf}).
 */
public interface NotebookFormat {

    /** @return the format's name for messages, such as "JSON" */
    String name();

    /** @return the file name extensions it reads and writes, lower case and without the dot, such as "json" */
    List<String> extensions();

    /**
     * Opens a notebook file as the notebook class the format's module gives its users (such as
     * {@code JsonLabNotebook}). The engine cannot name the API's notebook type, so the notebook
     * comes back as what it is to the engine, something to close; the API checks its type.
     *
     * @param file     the notebook file
     * @param mode     how to treat an existing file; ignored when read-only
     * @param readOnly true to open an existing notebook that is never written
     * @return the notebook, an instance of the API's {@code LabNotebook}
     * @throws RuntimeException the format module's own exceptions if the file cannot be opened
     *                          so (jepyc's formats throw the API's notebook exceptions)
     */
    AutoCloseable open(Path file, StorageMode mode, boolean readOnly);
}
