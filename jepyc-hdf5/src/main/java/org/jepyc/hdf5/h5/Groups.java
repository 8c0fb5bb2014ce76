package org.jepyc.hdf5.h5;

import static org.bytedeco.hdf5.global.hdf5.H5Gcreate2;
import static org.bytedeco.hdf5.global.hdf5.H5Gget_info;
import static org.bytedeco.hdf5.global.hdf5.H5Gopen2;
import static org.bytedeco.hdf5.global.hdf5.H5Ldelete;
import static org.bytedeco.hdf5.global.hdf5.H5Lexists;
import static org.bytedeco.hdf5.global.hdf5.H5Lget_name_by_idx;
import static org.bytedeco.hdf5.global.hdf5.H5Lmove;
import static org.bytedeco.hdf5.global.hdf5.H5O_INFO_BASIC;
import static org.bytedeco.hdf5.global.hdf5.H5O_TYPE_GROUP;
import static org.bytedeco.hdf5.global.hdf5.H5Oget_info_by_name3;
import static org.bytedeco.hdf5.global.hdf5.H5P_DEFAULT;
import static org.bytedeco.hdf5.global.hdf5.H5Pcreate;
import static org.bytedeco.hdf5.global.hdf5.H5Pset_local_heap_size_hint;
import static org.bytedeco.hdf5.global.hdf5.H5_INDEX_NAME;
import static org.bytedeco.hdf5.global.hdf5.H5_ITER_INC;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.hdf5.H5G_info_t;
import org.bytedeco.hdf5.H5O_info2_t;

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
            List<String> names = new ArrayList<>();
            try (H5Id gid = open(file, groupPath); H5O_info2_t info = new H5O_info2_t()) {
                for (String name : linkNames(gid.get())) {
                    try (CString n = NativeCodec.utf8(name)) {
                        H5Errors.check(H5Oget_info_by_name3(gid.get(), n, info, H5O_INFO_BASIC, H5P_DEFAULT),
                                "H5Oget_info_by_name3");
                    }
                    if (info.type() == H5O_TYPE_GROUP) {
                        names.add(name);
                    }
                }
            }
            return names;
        });
    }

    /** Creates a group (its parent must exist). */
    public static void create(H5File file, String path) {
        file.run("create group " + path, () -> {
            try (CString p = NativeCodec.utf8(path)) {
                // created, and nothing more to do with it
                H5Id.of(H5Id.Kind.GROUP, H5Gcreate2(file.id(), p, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), "H5Gcreate2")
                        .close();
            }
        });
    }

    /**
     * Creates a group whose link-name heap starts with {@code nameBytes} bytes, so adding and
     * renaming a few links never has to grow (and so rewrite) it.
     */
    public static void create(H5File file, String path, long nameBytes) {
        file.run("create group " + path, () -> {
            try (H5Id gcpl = H5Id.propertyList(H5Pcreate(Predefined.GROUP_CREATE), "H5Pcreate")) {
                H5Errors.check(H5Pset_local_heap_size_hint(gcpl.get(), nameBytes), "H5Pset_local_heap_size_hint");
                try (CString p = NativeCodec.utf8(path)) {
                    H5Id.of(H5Id.Kind.GROUP, H5Gcreate2(file.id(), p, H5P_DEFAULT, gcpl.get(), H5P_DEFAULT), "H5Gcreate2")
                            .close();
                }
            }
        });
    }

    /** Whether {@code path} names an existing group. */
    public static boolean exists(H5File file, String path) {
        return file.call("look for group " + path, () -> {
            if (!linkExists(file.id(), path)) {
                return false;
            }
            try (CString p = NativeCodec.utf8(path); H5O_info2_t info = new H5O_info2_t()) {
                H5Errors.check(H5Oget_info_by_name3(file.id(), p, info, H5O_INFO_BASIC, H5P_DEFAULT),
                        "H5Oget_info_by_name3");
                return info.type() == H5O_TYPE_GROUP;
            }
        });
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
        file.run("delete " + path, () -> {
            try (CString p = NativeCodec.utf8(path)) {
                H5Errors.check(H5Ldelete(file.id(), p, H5P_DEFAULT), "H5Ldelete");
            }
        });
    }

    /** Renames (moves) the link {@code from} to {@code to}; the object itself stays where it is. */
    public static void move(H5File file, String from, String to) {
        file.run("move " + from + " to " + to, () -> {
            try (CString src = NativeCodec.utf8(from); CString dst = NativeCodec.utf8(to)) {
                H5Errors.check(H5Lmove(file.id(), src, file.id(), dst, H5P_DEFAULT, H5P_DEFAULT), "H5Lmove");
            }
        });
    }

    /** Names of every link (groups, datasets, anything) directly under {@code groupPath}, in name order. */
    public static List<String> links(H5File file, String groupPath) {
        return file.call("list links in " + groupPath, () -> {
            try (H5Id gid = open(file, groupPath)) {
                return linkNames(gid.get());
            }
        });
    }

    private static H5Id open(H5File file, String groupPath) {
        try (CString p = NativeCodec.utf8(groupPath)) {
            return H5Id.of(H5Id.Kind.GROUP, H5Gopen2(file.id(), p, H5P_DEFAULT), "H5Gopen2");
        }
    }

    /** The names of the links in the open group {@code gid}, in name order. */
    private static List<String> linkNames(long gid) {
        long n;
        try (H5G_info_t info = new H5G_info_t()) {
            H5Errors.check(H5Gget_info(gid, info), "H5Gget_info");
            n = info.nlinks();
        }
        List<String> names = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            long len = H5Errors.check(H5Lget_name_by_idx(gid, ".", H5_INDEX_NAME, H5_ITER_INC, i, (byte[]) null, 0,
                    H5P_DEFAULT), "H5Lget_name_by_idx");
            byte[] name = new byte[(int) len + 1];
            H5Errors.check(H5Lget_name_by_idx(gid, ".", H5_INDEX_NAME, H5_ITER_INC, i, name, name.length, H5P_DEFAULT),
                    "H5Lget_name_by_idx");
            names.add(new String(name, 0, (int) len, StandardCharsets.UTF_8));
        }
        return names;
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
            try (CString p = NativeCodec.utf8(prefix.toString())) {
                if (!H5Errors.isTrue(H5Lexists(fid, p, H5P_DEFAULT), "H5Lexists")) {
                    return false;
                }
            }
        }
        return true;
    }
}
