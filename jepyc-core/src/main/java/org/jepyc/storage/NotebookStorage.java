package org.jepyc.storage;

import org.jepyc.OpenMode;

/**
 * How a persistent notebook format reads and writes its file. A format only maps result sets
 * and their columns to its file; everything a notebook means (result sets, pending jobs,
 * locking, schemas) lives once, in {@link org.jepyc.LabNotebook}.
 */
public interface NotebookStorage {

    /** @return the notebook's name: its path or URL */
    String name();

    /**
     * Prepares the file for the given mode; called once, before anything else.
     *
     * @param mode how to treat an existing file
     * @return true if there is a stored notebook to {@link #load}
     * @throws org.jepyc.NotebookExistsException for {@link OpenMode#CREATE_NEW} on a non-empty file
     * @throws org.jepyc.NotebookException       if the file cannot be used
     */
    boolean open(OpenMode mode);

    /**
     * Rebuilds the stored notebook; never changes the file.
     *
     * @param into where to put what is read
     */
    void load(NotebookLoader into);

    /**
     * Writes the notebook so that a crash at any moment leaves either the previous or the new
     * state on disk, never a damaged file.
     *
     * @param state what to write; {@link NotebookState#isDirty} says which sets changed
     */
    void save(NotebookState state);

    /** @return the local file to lock against a second writer, or null (a URL, no file) */
    default java.nio.file.Path file() {
        return null;
    }

    /** @return true if the file must never be written (read-only opening, a URL) */
    default boolean isReadOnly() {
        return false;
    }

    /** Releases the file. */
    default void close() {
    }
}
