package org.jepyc.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a result set on the command line: {@code NOTEBOOK[:TAG][=NEWTAG]}, where the
 * notebook may be left out ({@code :TAG}) to mean the previous spec's notebook (epyc's documented
 * behaviour).
 *
 * @param notebook the notebook file, if given
 * @param tag      the result set's tag, if given
 * @param newTag   a new tag for copies, if given
 * @param text     the spec as written, for messages
 */
record ResultSetSpec(Optional<Path> notebook, Optional<String> tag, Optional<String> newTag, String text) {
    private static final Pattern SPEC = Pattern.compile("([^:=]*)(?::([^:=]+))?(?:=([^:=]+))?");

    /**
     * @param text a spec
     * @return the parsed spec
     * @throws UserException if it is malformed
     */
    static ResultSetSpec parse(String text) {
        Matcher m = SPEC.matcher(text);
        if (text.isEmpty() || !m.matches() || (m.group(1).isEmpty() && m.group(2) == null)
                || text.endsWith(":") || text.endsWith("=")) {
            throw new UsageException("Invalid result set specifier '" + text + "': write NOTEBOOK, NOTEBOOK:TAG or NOTEBOOK:TAG=NEWTAG");
        }
        Optional<Path> nb = m.group(1).isEmpty() ? Optional.empty() : Optional.of(Path.of(m.group(1)));
        return new ResultSetSpec(nb, Optional.ofNullable(m.group(2)), Optional.ofNullable(m.group(3)), text);
    }

    /**
     * @param previous the notebook of the spec before this one, if any
     * @return this spec's notebook, or the previous one
     * @throws UserException if there is neither
     */
    Path notebookOr(Path previous) {
        if (notebook.isPresent()) {
            return notebook.get();
        }
        if (previous == null) {
            throw new UsageException("No notebook for result set specifier '" + text + "': name one, as NOTEBOOK:TAG");
        }
        return previous;
    }

    /**
     * @return the tag
     * @throws UsageException if the spec has none
     */
    String requireTag() {
        return tag.orElseThrow(() -> new UsageException("Result set specifier '" + text + "' names no result set: write NOTEBOOK:TAG"));
    }
}
