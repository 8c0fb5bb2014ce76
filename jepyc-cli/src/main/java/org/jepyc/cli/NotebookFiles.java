package org.jepyc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.jepyc.LabNotebook;
import org.jepyc.OpenMode;
import org.jepyc.hdf5.Hdf5LabNotebook;
import org.jepyc.json.JsonLabNotebook;

/** Opens notebook files by their extension: {@code .json} for JSON, {@code .h5}/{@code .hdf5} for HDF5. */
final class NotebookFiles {

    private NotebookFiles() { }

    /** The two formats. */
    enum Format { JSON, HDF5 }

    /**
     * @param file a notebook path
     * @return its format
     * @throws UserException if the extension is neither
     */
    static Format formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return Format.JSON;
        }
        if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            return Format.HDF5;
        }
        if (name.contains(":")) {
            throw new UserException("No notebook " + file + ": this command takes a notebook file, not NOTEBOOK:TAG");
        }
        throw new UserException("Can't tell the format of " + file + ": name notebooks *.json or *.h5");
    }

    /**
     * Opens an existing notebook for changes; a missing file is an error, never created.
     *
     * @param file the notebook
     * @return the notebook
     */
    static LabNotebook openExisting(Path file) {
        requireWritable(file, "nothing in it can be changed");
        return open(file, OpenMode.OPEN_OR_CREATE);
    }

    /**
     * @param file a notebook that a command is about to change
     * @param what what cannot be done otherwise, for the message
     * @throws UserException naming the file and the fix if it is missing or has no write permission
     */
    static void requireWritable(Path file, String what) {
        requireFile(file);
        if (!org.jepyc.storage.FilePermissions.isWritable(file)) {
            throw new UserException("Notebook " + file + " is read-only (no write permission): " + what
                    + "; make it writable first (chmod u+w " + file + ")");
        }
    }

    /**
     * Opens an existing notebook read-only: nothing about it can change.
     *
     * @param file the notebook
     * @return the notebook, locked
     */
    static LabNotebook openReadOnly(Path file) {
        requireFile(file);
        return formatOf(file) == Format.JSON ? JsonLabNotebook.openReadOnly(file) : Hdf5LabNotebook.openReadOnly(file);
    }

    /**
     * @param file a notebook path, existing or not
     * @param mode how to treat an existing file
     * @return the notebook
     */
    static LabNotebook open(Path file, OpenMode mode) {
        Format f = formatOf(file);
        return f == Format.JSON ? new JsonLabNotebook(file, mode, null) : new Hdf5LabNotebook(file, mode, null);
    }

    /**
     * @param nb   an open notebook
     * @param spec the command line's reference to one of its sets
     * @param file the notebook's file, for the message
     * @return the tag the spec names, or the current one when it names none
     * @throws UserException if the notebook has no such set
     */
    static String tagOrCurrent(LabNotebook nb, ResultSetSpec spec, Path file) {
        String tag = spec.tag().orElse(nb.currentTag());
        if (!nb.contains(tag)) {
            throw new UserException("No result set " + tag + " in " + file + " (sets: " + nb.resultSets() + ")");
        }
        return tag;
    }

    /**
     * @param file a notebook a command reads
     * @throws UserException naming it if it is not a notebook's name or not an existing file
     */
    static void requireFile(Path file) {
        formatOf(file);
        if (!Files.isRegularFile(file)) {
            throw new UserException("No notebook " + file + (Files.exists(file) ? " (not a file)" : " (no such file)"));
        }
    }
}
