package org.jepyc.storage;

/**
 * How a persistent notebook format reads and writes its file. A format only maps result sets
 * and their columns to its file; everything a notebook means (result sets, pending jobs,
 * locking, schemas) lives once, in the notebook, which hands the format a {@link Commit} to
 * write and takes a {@link StoredNotebook} it read. A format never calls back into the notebook.
 */
public interface NotebookStorage {

    /** What a file holds as it is opened, and when the notebook first writes it. */
    enum Opened {
        /** A stored notebook, to {@link #load}; written at the first commit that changes something. */
        STORED,
        /** No notebook yet (a missing or empty file): written at the first commit that adds something. */
        NOTHING_STORED,
        /** A notebook to replace: left as it is until the first commit, which writes even if nothing was added. */
        REPLACED_AT_FIRST_COMMIT,
        /** No notebook yet, and the format makes the file at once: the notebook commits while it opens. */
        CREATED_AT_OPEN
    }

    /** @return the notebook's name: its path or URL */
    String name();

    /**
     * Prepares the file for the given mode; called once, before anything else.
     *
     * @param mode how to treat an existing file
     * @return what the file holds, and so when it is first written
     * @throws RuntimeException the format's own exception if the file cannot be used for that
     *                          mode (jepyc's formats throw the API's notebook exceptions, such as
     *                          {@code NotebookExistsException} for {@link StorageMode#CREATE_NEW}
     *                          on a non-empty file), which reaches the user as it is
     */
    Opened open(StorageMode mode);

    /**
     * Reads the stored notebook; never changes the file. Called once, if {@link #open} said
     * {@link Opened#STORED}.
     *
     * @return what the file holds
     */
    StoredNotebook load();

    /**
     * Writes a commit so that a crash at any moment leaves either the previous or the new
     * state on disk, never a damaged file. If it throws, the notebook hands the next commit the
     * same committed state again.
     *
     * @param commit what changed since the last commit, and the whole notebook
     */
    void save(Commit commit);

    /** @return the local file to lock against a second writer, or null (a URL, no file) */
    default java.nio.file.Path file() {
        return null;
    }

    /** @return true if the file must never be written (read-only opening, a URL, a finished notebook) */
    default boolean isReadOnly() {
        return false;
    }

    /** Releases the file. */
    default void close() {
    }
}
