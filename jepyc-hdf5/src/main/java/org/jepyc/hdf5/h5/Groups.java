package org.jepyc.hdf5.h5;

import static hdf.hdf5lib.HDF5Constants.*;

import hdf.hdf5lib.H5;
import java.util.ArrayList;
import java.util.List;

/** Group and link helpers: epyc keeps one root-level group per result set. */
public final class Groups {

    private Groups() {}

    /** Names of the root-level groups in HDF5 link-name order (what epyc's loader iterates). */
    public static List<String> listRoot(H5File file) {
        return list(file, "/");
    }

    /** Names of the groups directly under {@code groupPath}, in link-name order. */
    public static List<String> list(H5File file, String groupPath) {
        return file.call("list groups in " + groupPath, () -> {
            long gid = H5.H5Gopen(file.id(), groupPath, H5P_DEFAULT);
            try {
                long n = H5.H5Gget_info(gid).nlinks;
                List<String> names = new ArrayList<>((int) n);
                for (long i = 0; i < n; i++) {
                    String name = H5.H5Lget_name_by_idx(gid, ".", H5_INDEX_NAME, H5_ITER_INC, i, H5P_DEFAULT);
                    if (H5.H5Oget_info_by_name(gid, name, H5P_DEFAULT).type == H5O_TYPE_GROUP) {
                        names.add(name);
                    }
                }
                return names;
            } finally {
                H5.H5Gclose(gid);
            }
        });
    }

    /** Creates a group (its parent must exist). */
    public static void create(H5File file, String path) {
        file.run("create group " + path, () -> H5.H5Gclose(
                H5.H5Gcreate(file.id(), path, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT)));
    }

    /**
     * Creates a group whose link-name heap starts with {@code nameBytes} bytes, so adding and
     * renaming a few links never has to grow (and so rewrite) it.
     */
    public static void create(H5File file, String path, long nameBytes) {
        file.run("create group " + path, () -> {
            long gcpl = H5.H5Pcreate(H5P_GROUP_CREATE);
            try {
                H5.H5Pset_local_heap_size_hint(gcpl, nameBytes);
                H5.H5Gclose(H5.H5Gcreate(file.id(), path, H5P_DEFAULT, gcpl, H5P_DEFAULT));
            } finally {
                H5.H5Pclose(gcpl);
            }
        });
    }

    /** Whether {@code path} names an existing group. */
    public static boolean exists(H5File file, String path) {
        return file.call("look for group " + path, () -> linkExists(file.id(), path)
                && H5.H5Oget_info_by_name(file.id(), path, H5P_DEFAULT).type == H5O_TYPE_GROUP);
    }

    /** Whether a link (group or dataset) exists at {@code path}, which may be nested. */
    public static boolean linkExists(H5File file, String path) {
        return file.call("look for " + path, () -> linkExists(file.id(), path));
    }

    /**
     * Unlinks {@code path} (a group with everything under it, or a dataset). HDF5 does not shrink
     * the file; the space is lost until the file is rewritten (h5repack or a copy).
     */
    public static void delete(H5File file, String path) {
        file.run("delete " + path, () -> H5.H5Ldelete(file.id(), path, H5P_DEFAULT));
    }

    /** Renames (moves) the link {@code from} to {@code to}; the object itself stays where it is. */
    public static void move(H5File file, String from, String to) {
        file.run("move " + from + " to " + to, () -> H5.H5Lmove(file.id(), from, file.id(), to,
                H5P_DEFAULT, H5P_DEFAULT));
    }

    /** Names of every link (groups, datasets, anything) directly under {@code groupPath}, in name order. */
    public static List<String> links(H5File file, String groupPath) {
        return file.call("list links in " + groupPath, () -> {
            long gid = H5.H5Gopen(file.id(), groupPath, H5P_DEFAULT);
            try {
                long n = H5.H5Gget_info(gid).nlinks;
                List<String> names = new ArrayList<>((int) n);
                for (long i = 0; i < n; i++) {
                    names.add(H5.H5Lget_name_by_idx(gid, ".", H5_INDEX_NAME, H5_ITER_INC, i, H5P_DEFAULT));
                }
                return names;
            } finally {
                H5.H5Gclose(gid);
            }
        });
    }

    private static boolean linkExists(long fid, String path) {
        // H5Lexists fails rather than answering false when an intermediate group is missing.
        String[] parts = path.replaceAll("^/+", "").split("/");
        StringBuilder prefix = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            prefix.append('/').append(part);
            if (!H5.H5Lexists(fid, prefix.toString(), H5P_DEFAULT)) {
                return false;
            }
        }
        return true;
    }
}
