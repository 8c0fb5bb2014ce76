package org.jepyc.hdf5.h5;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns HDF5 failures into Java exceptions. The HDF Group API throws its own (unchecked)
 * {@link HDF5Exception}; the JavaCPP C bindings only return negative codes, so for those we read
 * the library's error stack ourselves (printing of that stack is switched off in {@link H5Library}).
 */
final class H5Errors {

    private H5Errors() {}

    /** Throws if a C-binding call returned a negative status. Call while holding {@link H5Library#LOCK}. */
    static long check(long status, String what) {
        if (status < 0) {
            throw new HDF5Exception(what + " failed: " + stackDescription());
        }
        return status;
    }

    /** The innermost-first descriptions on HDF5's default error stack, cleared afterwards. */
    static String stackDescription() {
        List<String> lines = new ArrayList<>();
        try {
            H5.H5Ewalk2(HDF5Constants.H5E_DEFAULT, HDF5Constants.H5E_WALK_DOWNWARD,
                    (n, err, data) -> {
                        lines.add(err.func_name + ": " + err.desc);
                        return 0;
                    }, new hdf.hdf5lib.callbacks.H5E_walk_t() { });   // the binding refuses a null op_data
            H5.H5Eclear2(HDF5Constants.H5E_DEFAULT);
        } catch (RuntimeException e) {
            lines.add("(error stack unavailable: " + e.getMessage() + ")");
        }
        return lines.isEmpty() ? "no HDF5 error recorded" : String.join("; ", lines);
    }
}
