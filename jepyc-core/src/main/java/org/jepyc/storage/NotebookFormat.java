package org.jepyc.storage;

import java.nio.file.Path;
import java.util.List;

import org.jepyc.LabNotebook;
import org.jepyc.OpenMode;

/**
 * A notebook file format, as a service: each format module provides one through
 * {@code META-INF/services/org.jepyc.storage.NotebookFormat}, and
 * {@link LabNotebook#open(Path)} picks it by the file's extension.
 */
public interface NotebookFormat {

    /** @return the format's name for messages, such as "JSON" */
    String name();

    /** @return the file name extensions it reads and writes, lower case and without the dot, such as "json" */
    List<String> extensions();

    /**
     * @param file     the notebook file
     * @param mode     how to treat an existing file; ignored when read-only
     * @param readOnly true to open an existing notebook that is never written
     * @return the notebook
     * @throws org.jepyc.NotebookException if the file cannot be opened so
     */
    LabNotebook open(Path file, OpenMode mode, boolean readOnly);
}
