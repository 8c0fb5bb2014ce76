package org.jepyc.json;

import java.nio.file.Path;

import org.jepyc.LabNotebook;
import org.jepyc.OpenMode;

/**
 * A lab notebook kept in one JSON file in epyc's version-2 layout, readable and writable
 * by Python epyc 1.7.2. The file is written at {@link #commit()} and {@link #close()}, each time
 * whole, to a temporary file that is forced to disk and renamed over the old one: a crash or a
 * full disk leaves the last committed notebook intact.
 *
 * <p>Opening never truncates: an existing file is loaded ({@link OpenMode#OPEN_OR_CREATE}), a
 * missing one is written at the first commit that has something to write (opened and closed with
 * nothing added, it stays missing), a zero-length one is an empty notebook and stays zero bytes
 * until something is added. {@link OpenMode#CREATE_NEW} refuses a non-empty file;
 * {@link OpenMode#OVERWRITE} replaces it at the first commit, even with nothing added. A notebook locked (finished) in its file, or a file without write
 * permission, opens read-only: it behaves as locked and is never written.
 *
 * <p>Values come back as JSON types ({@code Long}, {@code Double}, {@code Boolean},
 * {@code String}, {@code List}); start and end times as {@code LocalDateTime}. Complex numbers
 * cannot be stored (epyc cannot either): a commit holding one fails, naming the column.
 */
public class JsonLabNotebook extends LabNotebook {
    private final Path file;

    /**
     * Opens the notebook in a file, or starts one that is written at the first commit.
     *
     * @param file the JSON file
     */
    public JsonLabNotebook(Path file) {
        this(file, OpenMode.OPEN_OR_CREATE, null);
    }

    /**
     * @param file   the JSON file
     * @param create true to start a new notebook ({@link OpenMode#CREATE_NEW}: refused if the
     *               file is not empty), false to open or create ({@link OpenMode#OPEN_OR_CREATE})
     */
    public JsonLabNotebook(Path file, boolean create) {
        this(file, create, null);
    }

    /**
     * @param file        the JSON file
     * @param create      as {@link #JsonLabNotebook(Path, boolean)}
     * @param description the notebook's description; if not null it replaces a stored one
     */
    public JsonLabNotebook(Path file, boolean create, String description) {
        this(file, create ? OpenMode.CREATE_NEW : OpenMode.OPEN_OR_CREATE, description);
    }

    /**
     * @param file        the JSON file
     * @param mode        how to treat an existing file
     * @param description the notebook's description; if not null it replaces a stored one
     * @throws org.jepyc.NotebookExistsException  for CREATE_NEW on a non-empty file
     * @throws org.jepyc.NotebookFormatException  if the file is not an epyc JSON notebook
     * @throws org.jepyc.NotebookVersionException if it is another version of the format
     * @throws org.jepyc.NotebookException        if the file cannot be read or written
     */
    public JsonLabNotebook(Path file, OpenMode mode, String description) {
        this(new JsonStorage(file, false), mode, description);
    }

    /** A notebook over a storage already made (read-only, or for tests in this package). */
    JsonLabNotebook(JsonStorage storage, OpenMode mode, String description) {
        super(storage, mode, description);
        this.file = storage.file();
    }

    /**
     * Opens an existing notebook without ever writing it: it behaves as locked.
     *
     * @param file the JSON file
     * @return the notebook
     * @throws org.jepyc.NotebookException if the file is missing (nothing is created) or unreadable
     */
    public static JsonLabNotebook openReadOnly(Path file) {
        return new JsonLabNotebook(new JsonStorage(file, true), OpenMode.OPEN_OR_CREATE, null);
    }

    /** @return the notebook's file */
    public Path file() {
        return file;
    }
}
