package org.jepyc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jepyc.storage.Commit;
import org.jepyc.storage.NotebookHeader;
import org.jepyc.storage.NotebookStorage;
import org.jepyc.storage.SetCommit;
import org.jepyc.storage.StorageException;
import org.jepyc.storage.StoredNotebook;
import org.jepyc.storage.WriterLock;

/**
 * A persistent notebook's file: the format's storage, the lock that keeps other writers out,
 * and what the file holds as of the last load or commit. {@link LabNotebook} keeps the result
 * sets; this class alone decides what a commit hands the format and when the file is let go.
 *
 * <p>The rules it keeps: one writing process per file (the lock is taken before the file is
 * opened and follows the file if a commit replaces it); a commit describes every change since
 * the file last held the notebook, and counts as written only once the format has saved it; a
 * file that failed to open, or was opened read-only, holds no lock.
 */
final class NotebookFile {
    private final NotebookStorage storage;
    private WriterLock writerLock;
    /** The notebook's fields as the file holds them; null if it holds none. */
    private NotebookHeader committed;

    /** @param storage the format and location; not yet opened */
    NotebookFile(NotebookStorage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    /** @return the notebook's name: its file or URL */
    String name() {
        return storage.name();
    }

    /** @return true if the file is never written */
    boolean isReadOnly() {
        return storage.isReadOnly();
    }

    /**
     * Takes the writer lock (unless read-only) and opens the file.
     *
     * @param mode how to treat an existing file
     * @return what the file holds
     * @throws NotebookException if another process writes it, or it cannot be opened; then
     *                           neither the file nor the lock is held
     */
    NotebookStorage.Opened open(OpenMode mode) {
        if (!storage.isReadOnly() && storage.file() != null) {
            try {
                writerLock = WriterLock.acquire(storage.file());
            } catch (StorageException e) {
                throw EngineBoundary.translated(e);
            }
        }
        try {
            NotebookStorage.Opened opened = storage.open(EngineBoundary.storageMode(Objects.requireNonNull(mode, "mode")));
            followFile();
            if (storage.isReadOnly()) {
                releaseLock();
            }
            return opened;
        } catch (RuntimeException e) {
            throw abandoned(e);
        }
    }

    /** @return what the file holds, as {@link #open} found it */
    StoredNotebook load() {
        return storage.load();
    }

    /**
     * Called when the notebook could not be built from its file: lets the file and the lock go.
     *
     * @param e why
     * @return e, with any failure to let go suppressed in it
     */
    RuntimeException abandoned(RuntimeException e) {
        try {
            storage.close();
        } catch (RuntimeException again) {
            e.addSuppressed(again);
        }
        releaseLock();
        return e;
    }

    /**
     * Takes the notebook as it is now as what the file holds.
     *
     * @param header the notebook's fields
     * @param sets   its result sets
     */
    void markCommitted(NotebookHeader header, Map<String, ResultSet> sets) {
        committed = header;
        sets.values().forEach(ResultSet::markSaved);
    }

    /**
     * Writes what changed since the file last held the notebook, if anything did; a format
     * that fails leaves everything as uncommitted, so the next commit hands it the change again.
     *
     * @param header the notebook's fields now
     * @param sets   its result sets, by tag
     */
    void commit(NotebookHeader header, Map<String, ResultSet> sets) {
        if (storage.isReadOnly()) {
            return;
        }
        List<SetCommit> changes = new ArrayList<>(sets.size());
        sets.forEach((tag, rs) -> changes.add(new SetCommit(tag, rs.snapshot(), rs.committed())));
        Commit c = new Commit(header, committed, changes);
        if (!c.changed()) {
            return;
        }
        storage.save(c);
        followFile();
        committed = c.header();
        for (SetCommit sc : c.sets()) {
            sets.get(sc.tag()).committed(sc.now());
        }
    }

    /** Lets the file and the lock go. */
    void close() {
        try {
            storage.close();
        } finally {
            releaseLock();
        }
    }

    /** The file may be new or replaced by now: the writer lock follows it to its new identity. */
    private void followFile() {
        if (writerLock != null) {
            writerLock.follow();
        }
    }

    private void releaseLock() {
        if (writerLock != null) {
            writerLock.close();
            writerLock = null;
        }
    }
}
