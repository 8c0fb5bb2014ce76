package org.jepyc.cli;

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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jepyc copy}: copy result sets into another notebook, which is created if missing. */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = "Copy result sets (rows, failures included, description and attributes) into DEST. "
                + "SRC:TAG=NEW renames a copy; :TAG means the previous spec's notebook; DEST:NEW renames a single copy. "
                + "Every spec is checked before anything is copied.")
final class CopyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC", arity = "1..*",
            description = "NOTEBOOK:TAG[=NEWTAG] ... followed by DEST[:NEWTAG].")
    List<String> args;

    @Option(names = {"-n", "--pretend"}, description = "Check, but change nothing.")
    boolean pretend;

    @Option(names = {"-v", "--verbose"}, description = "Say what was done.")
    boolean verbose;

    /** One copy to make. */
    private record Job(Path source, String tag, String newTag) { }

    @Override
    public Integer call() {
        if (args.size() < 2) {
            throw new UserException("Name the result sets to copy and then the destination: jepyc copy SRC:TAG DEST");
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
                throw new UserException("DEST:NEWTAG renames a single copy; with several, write SRC:TAG=NEWTAG");
            }
            jobs.set(0, new Job(jobs.get(0).source(), jobs.get(0).tag(), dest.tag().get()));
        }
        NotebookFiles.formatOf(destFile);
        check(jobs, destFile);
        if (pretend) {
            jobs.forEach(j -> say("Would copy", j, destFile));
            return 0;
        }
        try (LabNotebook to = Files.exists(destFile) ? NotebookFiles.openExisting(destFile)
                : NotebookFiles.open(destFile, OpenMode.CREATE_NEW)) {
            for (Job j : jobs) {
                try (LabNotebook from = NotebookFiles.openReadOnly(j.source())) {
                    ResultSetCopier.copy(from.resultSet(j.tag()), to, j.newTag());
                }
                say("Copied", j, destFile);
            }
        }
        return 0;
    }

    private void say(String verb, Job j, Path destFile) {
        if (verbose) {
            System.out.println(verb + " " + j.source() + ":" + j.tag() + " -> " + destFile + ":" + j.newTag());
        }
    }

    private static void check(List<Job> jobs, Path destFile) {
        Set<String> existing = new HashSet<>();
        if (Files.exists(destFile)) {
            try (LabNotebook to = NotebookFiles.openReadOnly(destFile)) {
                if (to.isFinished()) {
                    throw new UserException("Destination notebook " + destFile + " is locked: nothing can be copied into it");
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
