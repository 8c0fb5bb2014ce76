package org.jepyc.dashboard;

import java.nio.file.Path;
import java.util.Locale;

import org.jepyc.LabNotebook;
import org.jepyc.hdf5.Hdf5LabNotebook;
import org.jepyc.json.JsonLabNotebook;

/**
 * Opens notebook files read-only, by extension ({@code .json}, {@code .h5}/{@code .hdf5}). The
 * dashboard opens every notebook only through here, so how a reader gets the last committed
 * state of a file another process is writing is decided in one place.
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
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") ? JsonLabNotebook.openReadOnly(file) : Hdf5LabNotebook.openReadOnly(file);
    }
}
