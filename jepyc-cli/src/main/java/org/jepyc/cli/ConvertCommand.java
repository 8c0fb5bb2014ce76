package org.jepyc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.jepyc.LabNotebook;
import org.jepyc.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jepyc convert}: a notebook into the other format, everything preserved. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Write a notebook into a new file, in the format its name says (.json or .h5): every result set, "
                + "row, pending job, attribute, description and lock, and the current set.")
final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The notebook to read.")
    Path source;

    @Parameters(index = "1", paramLabel = "DEST", description = "The new notebook to write.")
    Path dest;

    @Option(names = "--overwrite", description = "Replace DEST if it exists.")
    boolean overwrite;

    @Override
    public Integer call() {
        NotebookFiles.formatOf(dest);
        if (Files.exists(dest) && !overwrite) {
            throw new UserException("Notebook " + dest + " exists: choose another name, or give --overwrite");
        }
        try (LabNotebook from = NotebookFiles.openExisting(source);
             LabNotebook to = NotebookFiles.open(dest, overwrite ? OpenMode.OVERWRITE : OpenMode.CREATE_NEW)) {
            ResultSetCopier.copyAll(from, to);
        }
        return 0;
    }
}
