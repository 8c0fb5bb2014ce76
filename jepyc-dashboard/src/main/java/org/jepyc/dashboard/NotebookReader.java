package org.jepyc.dashboard;

import java.nio.file.Path;
import java.util.Locale;

import org.jepyc.LabNotebook;

/**
 * Opens notebook files read-only, by extension ({@code .json}, {@code .h5}/{@code .hdf5}), through
 * the formats on the class path. The dashboard opens every notebook only through here, so how a
 * reader gets the last committed state of a file another process is writing is decided in one
 * place: the storage's read-only opening, which never writes nor locks the file.
 */
final class NotebookReader {

    private NotebookReader() { }

    /**
     * @param file a notebook path
     * @return true if its extension names a format the dashboard reads
     */
    static boolean isNotebook(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".h5") || name.endsWith(".hdf5");
    }

    /**
     * Opens a notebook that never writes its file: a running lab is neither blocked nor changed.
     *
     * @param file an existing notebook
     * @return the notebook, read-only; the caller closes it
     * @throws IllegalArgumentException    if the extension names no format
     * @throws org.jepyc.NotebookException if the file is missing or not a notebook
     */
    static LabNotebook openReadOnly(Path file) {
        if (!isNotebook(file)) {
            throw new IllegalArgumentException("Can't tell the format of " + file + ": name notebooks *.json or *.h5");
        }
        return LabNotebook.openReadOnly(file);
    }
}
