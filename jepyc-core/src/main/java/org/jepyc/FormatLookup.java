package org.jepyc;

import org.jepyc.storage.NotebookFormat;
import org.jepyc.storage.NotebookFormats;
import org.jepyc.storage.StorageException;

/**
 * Opens a notebook file through the format module its extension names ({@code .json},
 * {@code .h5}, {@code .hdf5}); the modules are found on the class or module path as services,
 * so the core names none of them.
 */
final class FormatLookup {

    private FormatLookup() { }

    /** Opens a file through the format its extension names, which makes the format module's notebook class. */
    static LabNotebook open(java.nio.file.Path file, OpenMode mode, boolean readOnly) {
        NotebookFormat format;
        try {
            format = NotebookFormats.formatOf(file);
        } catch (StorageException e) {
            throw EngineBoundary.translated(e);
        }
        AutoCloseable opened = format.open(file, EngineBoundary.storageMode(mode), readOnly);
        if (opened instanceof LabNotebook nb) {
            return nb;
        }
        NotebookException wrong = new NotebookException("The " + format.name() + " notebook format ("
                + format.getClass().getName() + ") opened " + file + " as a "
                + (opened == null ? "null" : opened.getClass().getName()) + ", not a " + LabNotebook.class.getName()
                + ": that format module does not fit this version of jepyc");
        if (opened != null) {
            try {
                opened.close();
            } catch (Exception again) {
                wrong.addSuppressed(again);
            }
        }
        throw wrong;
    }
}
