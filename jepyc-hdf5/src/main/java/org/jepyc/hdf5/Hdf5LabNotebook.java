package org.jepyc.hdf5;

import java.net.URI;
import java.nio.file.Path;

import org.jepyc.LabNotebook;
import org.jepyc.OpenMode;

/**
 * A lab notebook kept in an HDF5 file in epyc 1.7.2's layout, readable and
 * writable by Python epyc, h5py, pandas and h5dump: one group per result set, a compound
 * {@code results} table per set, a {@code pending} table for jobs still out.
 *
 * <p>Opening never destroys work: an existing file is loaded ({@link OpenMode#OPEN_OR_CREATE}),
 * a missing one is created at once as an empty notebook, {@link OpenMode#CREATE_NEW} refuses a
 * non-empty file and only {@link OpenMode#OVERWRITE} replaces one, at the first commit. A
 * notebook finished (locked) in its file, or a file without write permission, opens read-only.
 * The file is opened only to load and for each commit: nothing is held open between them, so
 * other processes can read it at any time and a notebook never closed loses only what it never
 * committed. A second writing process is refused until {@link #close()}, which commits.
 *
 * <p>Commits write only the result sets that changed, appending new rows to their tables, and
 * survive being killed at any moment: see {@code CommitWriter}'s design note. Attributes of
 * result sets come back as strings (as epyc), start and end times as {@code LocalDateTime}.
 */
public class Hdf5LabNotebook extends LabNotebook {

    /**
     * Opens the notebook in a file, creating it (empty) if it is missing.
     *
     * @param file the HDF5 file
     */
    public Hdf5LabNotebook(Path file) {
        this(file, OpenMode.OPEN_OR_CREATE, null);
    }

    /**
     * @param file   the HDF5 file
     * @param create true to start a new notebook ({@link OpenMode#CREATE_NEW}: refused if the
     *               file is not empty), false to open or create ({@link OpenMode#OPEN_OR_CREATE})
     */
    public Hdf5LabNotebook(Path file, boolean create) {
        this(file, create, null);
    }

    /**
     * @param file        the HDF5 file
     * @param create      as {@link #Hdf5LabNotebook(Path, boolean)}
     * @param description the notebook's description; if not null it replaces a stored one
     */
    public Hdf5LabNotebook(Path file, boolean create, String description) {
        this(file, create ? OpenMode.CREATE_NEW : OpenMode.OPEN_OR_CREATE, description);
    }

    /**
     * @param file        the HDF5 file
     * @param mode        how to treat an existing file
     * @param description the notebook's description; if not null it replaces a stored one
     * @throws org.jepyc.NotebookExistsException  for CREATE_NEW on a non-empty file
     * @throws org.jepyc.NotebookFormatException  if the file is not an epyc HDF5 notebook
     * @throws org.jepyc.NotebookVersionException if it is another version of the format
     * @throws org.jepyc.NotebookException        if the file cannot be read or written
     */
    public Hdf5LabNotebook(Path file, OpenMode mode, String description) {
        this(new Hdf5Storage(file, file.toString(), false), mode, description);
    }

    private Hdf5LabNotebook(Hdf5Storage storage, OpenMode mode, String description) {
        super(storage, mode, description);
    }

    /**
     * Opens an existing notebook without ever writing it: it behaves as locked.
     *
     * @param file the HDF5 file
     * @return the notebook
     * @throws org.jepyc.NotebookException if the file is missing (nothing is created) or unreadable
     */
    public static Hdf5LabNotebook openReadOnly(Path file) {
        return new Hdf5LabNotebook(new Hdf5Storage(file, file.toString(), true), OpenMode.OPEN_OR_CREATE, null);
    }

    /**
     * Opens a notebook from an {@code http} or {@code https} URL (downloaded to a temporary
     * file, deleted on {@link #close()}), read-only and locked, as epyc does.
     *
     * @param uri the notebook's URL
     * @return the notebook
     * @throws IllegalArgumentException    for any other scheme (use a {@link Path} for files)
     * @throws org.jepyc.NotebookException if the download fails or the file is not a notebook
     */
    public static Hdf5LabNotebook open(URI uri) {
        Path local = RemoteFile.download(uri);
        Hdf5Storage storage = new Hdf5Storage(local, uri.toString(), true);
        storage.afterClose(() -> RemoteFile.delete(local));
        return new Hdf5LabNotebook(storage, OpenMode.OPEN_OR_CREATE, null);   // a failed open closes the storage
    }
}
