package org.jepyc.hdf5;

import java.nio.file.Path;
import java.util.List;

import org.jepyc.LabNotebook;
import org.jepyc.OpenMode;
import org.jepyc.storage.NotebookFormat;

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
    public LabNotebook open(Path file, OpenMode mode, boolean readOnly) {
        return readOnly ? Hdf5LabNotebook.openReadOnly(file) : new Hdf5LabNotebook(file, mode, null);
    }
}
