package org.jepyc.json;

import java.nio.file.Path;
import java.util.List;

import org.jepyc.LabNotebook;
import org.jepyc.OpenMode;
import org.jepyc.storage.NotebookFormat;

/** The JSON notebook format as a service: files named {@code *.json} open as {@link JsonLabNotebook}s. */
public final class JsonNotebookFormat implements NotebookFormat {

    /** Made by {@link java.util.ServiceLoader}. */
    public JsonNotebookFormat() { }

    @Override
    public String name() {
        return "JSON";
    }

    @Override
    public List<String> extensions() {
        return List.of("json");
    }

    @Override
    public LabNotebook open(Path file, OpenMode mode, boolean readOnly) {
        return readOnly ? JsonLabNotebook.openReadOnly(file) : new JsonLabNotebook(file, mode, null);
    }
}
