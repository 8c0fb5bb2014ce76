package org.jepyc.hdf5.provider;

import java.nio.file.Path;
import java.util.List;

import org.jepyc.OpenMode;
import org.jepyc.hdf5.Hdf5LabNotebook;
import org.jepyc.storage.NotebookFormat;
import org.jepyc.storage.StorageMode;

/** The HDF5 notebook format as a service: files named {@code *.h5} or {@code *.hdf5} open as {@link Hdf5LabNotebook}s. */
public final class Hdf5NotebookFormat implements NotebookFormat {

    /** Made by {@link java.util.ServiceLoader}. */
    public Hdf5NotebookFormat() { }

    @Override
    public String name() {
        return "HDF5";
    }

    @Override
    public List<String> extensions() {
        return List.of("h5", "hdf5");
    }

    @Override
    public Hdf5LabNotebook open(Path file, StorageMode mode, boolean readOnly) {
        if (readOnly) {
            return Hdf5LabNotebook.openReadOnly(file);
        }
        OpenMode m = switch (mode) {
            case OPEN_OR_CREATE -> OpenMode.OPEN_OR_CREATE;
            case CREATE_NEW -> OpenMode.CREATE_NEW;
            case OVERWRITE -> OpenMode.OVERWRITE;
        };
        return new Hdf5LabNotebook(file, m, null);
    }
}
