package org.jepyc.json.provider;

import java.nio.file.Path;
import java.util.List;

import org.jepyc.OpenMode;
import org.jepyc.json.JsonLabNotebook;
import org.jepyc.storage.NotebookFormat;
import org.jepyc.storage.StorageMode;

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
    public JsonLabNotebook open(Path file, StorageMode mode, boolean readOnly) {
        if (readOnly) {
            return JsonLabNotebook.openReadOnly(file);
        }
        OpenMode m = switch (mode) {
            case OPEN_OR_CREATE -> OpenMode.OPEN_OR_CREATE;
            case CREATE_NEW -> OpenMode.CREATE_NEW;
            case OVERWRITE -> OpenMode.OVERWRITE;
        };
        return new JsonLabNotebook(file, m, null);
    }
}
