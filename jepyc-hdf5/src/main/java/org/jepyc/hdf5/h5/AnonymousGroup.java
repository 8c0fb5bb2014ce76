package org.jepyc.hdf5.h5;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;

/**
 * A group that no link refers to yet: it can be filled (attributes, tables linked into it) and
 * flushed to disk before {@link #linkAs} makes it visible, so a crash never leaves a link to a
 * group whose header was not written.
 */
public final class AnonymousGroup implements AutoCloseable {

    private final H5File file;
    private final String label;
    private long gid;

    private AnonymousGroup(H5File file, String label, long gid) {
        this.file = file;
        this.label = label;
        this.gid = gid;
    }

    /** Creates the group; {@code label} (usually its future path) names it in messages. */
    public static AnonymousGroup create(H5File file, String label) {
        long gid = file.callLong("create group " + label, () -> H5.H5Gcreate_anon(file.id(),
                HDF5Constants.H5P_DEFAULT, HDF5Constants.H5P_DEFAULT));
        return new AnonymousGroup(file, label, gid);
    }

    /** The attributes of this group. */
    public Attributes attributes() {
        return new Attributes(file, label, id());
    }

    /** Links the group into the file at {@code linkPath} (its parent must exist). */
    public void linkAs(String linkPath) {
        file.run("link " + label + " as " + linkPath, () -> H5.H5Olink(id(), file.id(), linkPath,
                HDF5Constants.H5P_DEFAULT, HDF5Constants.H5P_DEFAULT));
    }

    long id() {
        if (gid < 0) {
            throw new Hdf5Exception(file.path(), "group " + label + " is closed");
        }
        return gid;
    }

    @Override
    public void close() {
        if (gid >= 0) {
            long id = gid;
            gid = -1;
            file.run("close group " + label, () -> H5.H5Gclose(id));
        }
    }
}
