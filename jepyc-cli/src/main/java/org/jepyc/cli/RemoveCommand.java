package org.jepyc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jepyc.LabNotebook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jepyc remove}: delete whole result sets, committing every notebook named (epyc's command forgot to commit). */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove result sets. Every spec is checked before anything is removed; "
                + ":TAG means the previous spec's notebook.")
final class RemoveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NOTEBOOK:TAG", arity = "1..*", description = "The result sets to remove.")
    List<String> specs;

    @Option(names = {"-n", "--pretend"}, description = "Check, and say what would be removed, but change nothing.")
    boolean pretend;

    @Option(names = {"-v", "--verbose"}, description = "Say what was done.")
    boolean verbose;

    @Override
    public Integer call() {
        Map<Path, List<String>> byNotebook = new LinkedHashMap<>();
        Path previous = null;
        for (String text : specs) {
            ResultSetSpec s = ResultSetSpec.parse(text);
            previous = s.notebookOr(previous);
            byNotebook.computeIfAbsent(previous, k -> new ArrayList<>()).add(s.requireTag());
        }
        // check everything first, so a bad spec changes nothing anywhere
        for (Map.Entry<Path, List<String>> e : byNotebook.entrySet()) {
            if (!pretend) {
                NotebookFiles.requireWritable(e.getKey(), "its result sets cannot be removed");
            }
            try (LabNotebook nb = NotebookFiles.openReadOnly(e.getKey())) {
                for (String tag : e.getValue()) {
                    check(nb, e.getKey(), tag);
                }
            }
        }
        for (Map.Entry<Path, List<String>> e : byNotebook.entrySet()) {
            try (LabNotebook nb = pretend ? NotebookFiles.openReadOnly(e.getKey()) : NotebookFiles.openExisting(e.getKey())) {
                for (String tag : e.getValue()) {
                    if (!pretend) {
                        nb.deleteResultSet(tag);
                    }
                    if (verbose || pretend) {
                        spec.commandLine().getOut().println((pretend ? "Would remove " : "Removed ") + e.getKey() + ":" + tag);
                    }
                }
            }
        }
        return 0;
    }

    private static void check(LabNotebook nb, Path file, String tag) {
        if (!nb.contains(tag)) {
            throw new UserException("No result set '" + tag + "' in " + file + " (sets: " + nb.resultSets() + ")");
        }
        if (nb.isFinished()) {
            throw new UserException("Notebook " + file + " is locked (finished): its result sets cannot be removed; copy the "
                    + "sets to keep into a new notebook instead (jepyc copy " + file + ":TAG NEW" + SelectCommand.extension(file) + ")");
        }
        if (tag.equals(LabNotebook.DEFAULT_RESULTSET)) {
            throw new UserException("Can't remove " + file + ":" + tag + ": every notebook keeps its default result set");
        }
        if (tag.equals(nb.currentTag())) {
            String other = nb.resultSets().stream().filter(t -> !t.equals(tag)).findFirst().orElse(LabNotebook.DEFAULT_RESULTSET);
            throw new UserException("Can't remove " + file + ":" + tag + ", the current result set: "
                    + "make another set current first (jepyc select " + file + ":" + other + ")");
        }
    }
}
