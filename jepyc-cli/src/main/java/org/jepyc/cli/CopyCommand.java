package org.jepyc.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.jepyc.LabNotebook;
import org.jepyc.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jepyc copy}: copy result sets into another notebook, which is created if missing. */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = "Copy result sets (rows, failures included, description and attributes) into DEST. "
                + "SRC:TAG=NEW renames a copy; :TAG means the previous spec's notebook; DEST:NEW renames a single copy. "
                + "As in epyc, the last set copied becomes DEST's current result set. "
                + "Every spec is checked before anything is copied.")
final class CopyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SPEC", arity = "1..*",
            description = "NOTEBOOK:TAG[=NEWTAG] ... followed by DEST[:NEWTAG].")
    List<String> args;

    @Option(names = {"-n", "--pretend"}, description = "Check, and say what would be copied, but change nothing.")
    boolean pretend;

    @Option(names = {"-v", "--verbose"}, description = "Say what was done.")
    boolean verbose;

    /** One copy to make. */
    private record Job(Path source, String tag, String newTag) { }

    @Override
    public Integer call() {
        if (args.size() < 2) {
            throw UsageErrorHandler.usage(spec, "Name the result sets to copy and then the destination notebook: "
                    + "jepyc copy SRC:TAG DEST");
        }
        ResultSetSpec dest = ResultSetSpec.parse(args.get(args.size() - 1));
        Path destFile = dest.notebookOr(null);
        List<Job> jobs = new ArrayList<>();
        Path previous = null;
        for (String text : args.subList(0, args.size() - 1)) {
            ResultSetSpec s = ResultSetSpec.parse(text);
            previous = s.notebookOr(previous);
            String tag = s.requireTag();
            jobs.add(new Job(previous, tag, s.newTag().orElse(tag)));
        }
        if (dest.tag().isPresent()) {
            if (jobs.size() != 1) {
                throw UsageErrorHandler.usage(spec, "DEST:NEWTAG renames a single copy; with several, write SRC:TAG=NEWTAG");
            }
            jobs.set(0, new Job(jobs.get(0).source(), jobs.get(0).tag(), dest.tag().get()));
        }
        NotebookFiles.formatOf(destFile);
        boolean exists = Files.exists(destFile);
        check(jobs, destFile, exists);
        PrintWriter out = spec.commandLine().getOut();
        String current = jobs.get(jobs.size() - 1).newTag();
        if (pretend) {
            jobs.forEach(j -> out.println("Would copy " + j.source() + ":" + j.tag() + " to " + destFile + ":" + j.newTag()));
            out.println("Would " + (exists ? "" : "create " + destFile + " and ") + "make " + destFile + ":" + current
                    + " its current result set");
            return 0;
        }
        try (LabNotebook to = exists ? NotebookFiles.openExisting(destFile) : NotebookFiles.open(destFile, OpenMode.CREATE_NEW)) {
            for (Job j : jobs) {
                try (LabNotebook from = NotebookFiles.openReadOnly(j.source())) {
                    ResultSetCopier.copy(from.resultSet(j.tag()), to, j.newTag());
                }
                if (verbose) {
                    out.println("Copied " + j.source() + ":" + j.tag() + " to " + destFile + ":" + j.newTag()
                            + " (" + to.resultSet(j.newTag()).numberOfResults() + " results)");
                }
            }
        }
        if (verbose) {
            out.println((exists ? "" : "Created " + destFile + "; ") + destFile + ":" + current
                    + " is now its current result set");
        }
        return 0;
    }

    private static void check(List<Job> jobs, Path destFile, boolean exists) {
        Set<String> existing = new HashSet<>();
        if (exists) {
            NotebookFiles.requireWritable(destFile, "nothing can be copied into it");
            try (LabNotebook to = NotebookFiles.openReadOnly(destFile)) {
                if (to.isFinished()) {
                    throw new UserException("Destination notebook " + destFile + " is locked (finished): nothing can be "
                            + "copied into it; copy into a new notebook instead");
                }
                existing.addAll(to.resultSets());
            }
        }
        for (Job j : jobs) {
            try (LabNotebook from = NotebookFiles.openReadOnly(j.source())) {
                if (!from.contains(j.tag())) {
                    throw new UserException("No result set '" + j.tag() + "' in " + j.source() + " (sets: " + from.resultSets() + ")");
                }
            }
            if (!existing.add(j.newTag())) {
                throw new UserException("Result set '" + j.newTag() + "' already exists in " + destFile
                        + ": copy it under another name with SRC:TAG=NEWTAG");
            }
        }
    }
}
