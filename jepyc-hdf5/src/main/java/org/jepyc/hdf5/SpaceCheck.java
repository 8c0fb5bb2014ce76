package org.jepyc.hdf5;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.jepyc.NotebookException;
import org.jepyc.hdf5.h5.ColumnData;
import org.jepyc.hdf5.h5.Field;
import org.jepyc.resultset.ColumnRef;
import org.jepyc.storage.Commit;
import org.jepyc.storage.Rows;
import org.jepyc.storage.SetCommit;
import org.jepyc.storage.SetSnapshot;

/**
 * Refuses a commit the disk has no room for, before HDF5 writes anything.
 *
 * <p>Why: HDF5 does not recover from a write that fails half-way (ENOSPC): its caches keep the
 * dead commit's metadata, a later flush or close may write part of it, and links to objects
 * whose headers never reached the disk point at space the next session allocates again. The
 * previously committed notebook then survives only by luck (Hdf5CommitFailureTest showed a
 * commit after two failed ones deleting its own new table). A full disk is by far the commonest
 * such failure, so the commit estimates generously what it will add to the file and fails
 * cleanly if the file system has less free. Other I/O errors still reach HDF5 mid-commit.
 */
final class SpaceCheck {

    /** Headroom for metadata, chunk rounding and the estimate's error. */
    private static final long SLACK = 1L << 20;

    /** Rows sampled per column to estimate the size of variable-length values. */
    private static final int SAMPLE = 256;

    private SpaceCheck() { }

    /**
     * @param file   the notebook file
     * @param commit the commit
     * @param whole  true if the commit writes the file whole
     * @param repair tags of sets the commit rewrites even if unchanged
     * @throws NotebookException if the disk has less room than the commit may need
     */
    static void ensureRoom(Path file, Commit commit, boolean whole, Set<String> repair) {
        long need = SLACK;
        for (SetCommit sc : commit.sets()) {
            SetSnapshot before = whole ? null : sc.committed();
            if (before != null && !sc.changed() && !repair.contains(sc.tag())) {
                continue;
            }
            Rows rows = sc.now().rows();
            List<ColumnRef> cols = rows.columns();
            boolean append = before != null && Schema.fields(cols).equals(Schema.fields(before.rows().columns()))
                    && rows.count() >= before.rows().count();
            int from = append ? before.rows().count() : 0;
            need += bytes(cols, from, rows.count());
            need += 64L * sc.now().pending().size();
        }
        long free;
        try {
            free = Files.getFileStore(file).getUsableSpace();
        } catch (IOException e) {
            return;   // the store cannot tell: let the commit find out
        }
        if (free < need) {
            throw new NotebookException("not enough free space on the disk: " + free + " bytes free, and the commit "
                    + "may need about " + need);
        }
    }

    /** A generous estimate of the bytes rows {@code [from, to)} add: fixed fields plus heap objects. */
    private static long bytes(List<ColumnRef> cols, int from, int to) {
        long rows = to - from;
        if (rows <= 0) {
            return 0;
        }
        long perRow = 0;
        for (int k = 0; k < cols.size(); k++) {
            ColumnRef c = cols.get(k);
            Field f = Schema.fields(List.of(c)).get(0);
            perRow += switch (f.type().kind()) {
                case INT, FLOAT -> 8;
                case BOOL -> 1;
                case COMPLEX -> 16;
                default -> 16 + heapBytes(ColumnCodec.toData(c.name(), c.column(), Math.max(from, to - SAMPLE), to));
            };
        }
        // twice: text is sampled from the last rows only
        return 2 * rows * perRow;
    }

    /** Average global-heap bytes of one value: a 16-byte object header, the data padded to 8. */
    private static long heapBytes(ColumnData sample) {
        long total = 0;
        for (int i = 0; i < sample.size(); i++) {
            Object v = sample.get(i);
            long data = v instanceof String s ? 3L * s.length() : v instanceof List<?> l ? 48L * l.size() : 0;
            total += 16 + ((data + 7) & ~7L);
        }
        return sample.size() == 0 ? 0 : total / sample.size() + 1;
    }
}
