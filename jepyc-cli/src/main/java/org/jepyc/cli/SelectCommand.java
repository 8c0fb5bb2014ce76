package org.jepyc.cli;

import java.util.concurrent.Callable;

import org.jepyc.LabNotebook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jepyc select}: print or change a notebook's current result set. */
@Command(name = "select", mixinStandardHelpOptions = true,
        description = "With NOTEBOOK, print its current result set; with NOTEBOOK:TAG, make TAG current.")
final class SelectCommand implements Callable<Integer> {

    @Spec
    CommandSpec cmd;

    @Parameters(paramLabel = "NOTEBOOK[:TAG]", description = "A notebook, and the result set to make current.")
    String spec;

    @Option(names = {"-n", "--pretend"}, description = "Check, but change nothing.")
    boolean pretend;

    @Option(names = {"-v", "--verbose"}, description = "Say what was done.")
    boolean verbose;

    @Override
    public Integer call() {
        ResultSetSpec s = ResultSetSpec.parse(spec);
        java.nio.file.Path file = s.notebookOr(null);
        if (s.tag().isEmpty()) {
            try (LabNotebook nb = NotebookFiles.openReadOnly(file)) {
                cmd.commandLine().getOut().println(nb.currentTag());
            }
            return 0;
        }
        String tag = s.tag().get();
        if (!pretend) {
            NotebookFiles.requireWritable(file, "its current result set cannot be changed");
        }
        try (LabNotebook nb = pretend ? NotebookFiles.openReadOnly(file) : NotebookFiles.openExisting(file)) {
            if (!nb.contains(tag)) {
                throw new UserException("No result set " + tag + " in " + file + " (sets: " + nb.resultSets() + ")");
            }
            if (!pretend && nb.isLocked()) {
                throw new UserException("Notebook " + file + " is " + (nb.isFinished() ? "locked" : "read-only")
                        + ": its current result set cannot be changed; to work on its sets, copy them into a new notebook "
                        + "(jepyc copy " + file + ":" + tag + " NEW" + extension(file) + ")");
            }
            if (!pretend) {
                nb.select(tag);
            }
            if (verbose || pretend) {
                cmd.commandLine().getOut().println((pretend ? "Would make " : "Made ") + file + ":" + tag + " current");
            }
        }
        return 0;
    }

    /** @return the file's extension with its dot, so that a suggested new notebook has the same format */
    static String extension(java.nio.file.Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }
}
