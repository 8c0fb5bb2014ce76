package org.jepyc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.jepyc.LabNotebook;
import org.jepyc.OpenMode;
import org.jepyc.storage.WriterLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jepyc convert}: a notebook into the other format, everything preserved. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Write a notebook into a new file, in the format its name says (.json or .h5): every result set, "
                + "row, pending job, attribute, description and lock, and the current set. The new file is written "
                + "beside DEST and renamed into place; an existing DEST is replaced only with --force.")
final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The notebook to read.")
    Path source;

    @Parameters(index = "1", paramLabel = "DEST", description = "The new notebook to write.")
    Path dest;

    @Option(names = {"-f", "--force", "--overwrite"}, description = "Replace DEST if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        NotebookFiles.formatOf(dest);
        NotebookFiles.requireFile(source);
        OutputFile out = OutputFile.notebook(dest, "DEST", force, List.of(source));
        try (LabNotebook from = NotebookFiles.openReadOnly(source);
             WriterLock lock = Files.exists(dest) ? WriterLock.acquire(dest) : null) {
            // the lock keeps a process writing DEST from losing its commits to the rename below
            out.writeAt(tmp -> {
                try (LabNotebook to = NotebookFiles.open(tmp, OpenMode.CREATE_NEW)) {
                    ResultSetCopier.copyAll(from, to);
                }
            });
        }
        return 0;
    }
}
