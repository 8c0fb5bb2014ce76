package org.jepyc.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jepyc.LabNotebook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one notebook file: reads it again (read-only) whenever its size, modification time or
 * identity changes, and keeps the latest reading in memory for the page. Commits replace or
 * grow the file, so a changed stamp means new committed state; an unchanged one means there is
 * nothing new and the file is not opened at all.
 */
final class NotebookWatch {
    private static final Logger LOG = LoggerFactory.getLogger(NotebookWatch.class);

    private final Path file;
    private volatile NotebookView view;
    private Stamp seen;

    /** @param file the notebook's file */
    NotebookWatch(Path file) {
        this.file = file;
        this.view = new NotebookView(file, null, List.of(), 0, null, "not read yet");
    }

    /** @return the latest reading */
    NotebookView view() {
        return view;
    }

    /** @return the notebook's file */
    Path file() {
        return file;
    }

    /**
     * Reads the notebook again if its file changed since the last reading. Called from one
     * thread only.
     *
     * @return true if the view changed
     */
    boolean poll() {
        Stamp now;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            now = new Stamp(a.size(), a.lastModifiedTime().toMillis(), a.fileKey());
        } catch (NoSuchFileException e) {
            return fail("no such file " + file);
        } catch (IOException e) {
            return fail("can't read " + file + ": " + e.getMessage());
        }
        if (now.equals(seen)) {
            return false;
        }
        long t0 = System.nanoTime();
        try (LabNotebook nb = NotebookReader.openReadOnly(file)) {
            long t1 = System.nanoTime();
            List<SetView> sets = new ArrayList<>();
            for (String tag : nb.resultSets()) {
                sets.add(SetView.of(tag, nb.resultSet(tag), tag.equals(nb.currentTag())));
            }
            LOG.debug("Read {}: opened in {} ms, {} set(s) summarised in {} ms", file, (t1 - t0) / 1_000_000,
                    sets.size(), (System.nanoTime() - t1) / 1_000_000);
            // the stamp taken before reading: a commit that lands while we read is read next time
            seen = now;
            view = new NotebookView(file, nb.description(), List.copyOf(sets), view.version() + 1, Instant.now(), null);
            return true;
        } catch (RuntimeException e) {
            LOG.debug("Reading {} failed", file, e);
            seen = now;         // tried again when the file changes, not at every poll
            return fail(String.valueOf(e.getMessage()));
        }
    }

    private boolean fail(String message) {
        if (Objects.equals(message, view.error())) {
            return false;
        }
        view = view.failed(message);
        return true;
    }

    /** What tells one committed state of a file from the next. */
    private record Stamp(long size, long modified, Object key) { }
}
