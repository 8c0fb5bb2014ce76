package org.jepyc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.jepyc.LabNotebook;
import org.jepyc.OpenMode;
import org.jepyc.storage.NotebookFormat;
import org.jepyc.storage.NotebookFormats;

/**
 * Opens notebook files for the commands, through {@link LabNotebook#open} and
 * {@link LabNotebook#openReadOnly}, which choose the format by extension; what goes wrong is said
 * in the command line's terms.
 */
final class NotebookFiles {

    private NotebookFiles() { }

    /**
     * @param file a notebook path
     * @return its format
     * @throws UserException if no format reads files named so
     */
    static NotebookFormat formatOf(Path file) {
        List<NotebookFormat> present = NotebookFormats.present();
        return NotebookFormats.forFile(file).orElseThrow(() -> new UserException("Can't tell the format of " + file
                + ": name notebooks " + present.stream().map(f -> "*." + f.extensions().get(0))
                        .collect(Collectors.joining(" or "))));
    }

    /**
     * Opens an existing notebook for changes; a missing file is an error, never created.
     *
     * @param file the notebook
     * @return the notebook
     */
    static LabNotebook openExisting(Path file) {
        requireFile(file);
        return LabNotebook.open(file, OpenMode.OPEN_OR_CREATE);
    }

    /**
     * Opens an existing notebook read-only: nothing about it can change.
     *
     * @param file the notebook
     * @return the notebook, locked
     */
    static LabNotebook openReadOnly(Path file) {
        requireFile(file);
        return LabNotebook.openReadOnly(file);
    }

    /**
     * @param file a notebook path, existing or not
     * @param mode how to treat an existing file
     * @return the notebook
     */
    static LabNotebook open(Path file, OpenMode mode) {
        formatOf(file);
        return LabNotebook.open(file, mode);
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

    private static void requireFile(Path file) {
        formatOf(file);
        if (!Files.isRegularFile(file)) {
            throw new UserException("No notebook " + file + (Files.exists(file) ? " (not a file)" : " (no such file)"));
        }
    }
}
