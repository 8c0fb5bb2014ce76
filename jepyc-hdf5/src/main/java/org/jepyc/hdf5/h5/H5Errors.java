package org.jepyc.hdf5.h5;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.hdf5.H5E_error2_t;
import org.bytedeco.hdf5.H5E_walk2_t;
import org.bytedeco.hdf5.global.hdf5;
import org.bytedeco.javacpp.Pointer;

/**
 * Turns HDF5 failures into Java exceptions. The C API returns a negative value when a call fails
 * and records why on its error stack (which {@link H5Library} keeps from printing); {@link #check}
 * reads that stack into an {@link H5Failure}. Call everything here while holding {@link H5Library#LOCK}.
 */
final class H5Errors {

    /** Filled by {@link #WALKER}; only touched under the lock. */
    private static final List<String> FRAMES = new ArrayList<>();

    /** One native callback for the life of the process: each JavaCPP callback allocates a thunk. */
    private static final H5E_walk2_t WALKER = new H5E_walk2_t() {
        @Override
        public int call(int n, H5E_error2_t err, Pointer data) {
            FRAMES.add(text(err.func_name()) + ": " + text(err.desc()));
            return 0;
        }
    };

    private H5Errors() {}

    /** Returns {@code status}, or throws naming {@code call} and HDF5's reasons if it is negative. */
    static int check(int status, String call) {
        if (status < 0) {
            throw failure(call);
        }
        return status;
    }

    /** As {@link #check(int, String)} for calls returning an id or a size. */
    static long check(long status, String call) {
        if (status < 0) {
            throw failure(call);
        }
        return status;
    }

    /** An {@code htri_t} answer: true if positive, false if zero, thrown if negative. */
    static boolean isTrue(int htri, String call) {
        return check(htri, call) > 0;
    }

    /** The failure of {@code call}, with HDF5's error stack as the reason (the stack is cleared). */
    static H5Failure failure(String call) {
        return new H5Failure(call + " failed: " + stackDescription());
    }

    /** The descriptions on HDF5's default error stack, from the API call inwards, cleared afterwards. */
    static String stackDescription() {
        FRAMES.clear();
        int walked = hdf5.H5Ewalk2(hdf5.H5E_DEFAULT, hdf5.H5E_WALK_DOWNWARD, WALKER, null);
        hdf5.H5Eclear2(hdf5.H5E_DEFAULT);
        List<String> lines = new ArrayList<>(FRAMES);
        FRAMES.clear();
        if (walked < 0) {
            lines.add("(error stack unavailable)");
        }
        return lines.isEmpty() ? "no HDF5 error recorded" : String.join("; ", lines);
    }

    private static String text(Pointer p) {
        return p == null || p.isNull() ? "?" : NativeCodec.getString(p);
    }
}
