package org.jepyc.hdf5.h5;

import java.util.Map;
import org.bytedeco.hdf5.global.hdf5;
import org.bytedeco.javacpp.Loader;

/**
 * Loads the HDF5 native library bundled in {@code org.bytedeco:hdf5} exactly once, through
 * JavaCPP, and holds the lock every native call takes.
 *
 * <p>jepyc calls HDF5's C API through one binding only, JavaCPP's {@code org.bytedeco.hdf5.global.hdf5}.
 * JavaCPP extracts the libraries from the platform jar and loads them by absolute path, so a system
 * HDF5 of another version on {@code java.library.path} is never picked up.
 *
 * <p>The bundled HDF5 is built without thread safety: every native call must hold {@link #LOCK}.
 */
public final class H5Library {

    /** The global HDF5 lock: only one thread at a time may be inside the library. */
    public static final Object LOCK = new Object();

    private static volatile String loadedFrom;

    private H5Library() {}

    /**
     * Makes sure the bundled natives are loaded, are HDF5 1.14, and that HDF5 prints nothing on
     * stderr (its errors become exceptions only).
     *
     * @return the path of the loaded HDF5 library
     * @throws IllegalStateException if no natives exist for this platform or they fail to load
     */
    public static String ensureLoaded() {
        String path = loadedFrom;
        if (path != null) {
            return path;
        }
        synchronized (H5Library.class) {
            if (loadedFrom == null) {
                loadedFrom = load();
            }
            return loadedFrom;
        }
    }

    private static String load() {
        String platform = Loader.getPlatform();
        try {
            Loader.load(hdf5.class);
        } catch (LinkageError | RuntimeException e) {
            throw new IllegalStateException("Cannot load the bundled HDF5 native library for platform '"
                    + platform + "': is the org.bytedeco:hdf5:1.14.3-1.5.10:" + platform
                    + " jar on the class path? (" + e + ")", e);
        }
        String lib = bundledPath();
        synchronized (LOCK) {
            if (hdf5.H5open() < 0) {
                throw new IllegalStateException("HDF5 (" + lib + ") failed to initialise");
            }
            // Errors must surface as exceptions only (H5Errors reads the stack), never as noise on stderr.
            hdf5.H5Eset_auto2(hdf5.H5E_DEFAULT, null, null);
            int[] v = versionNumbers();
            if (v[0] != 1 || v[1] != 14) {
                throw new IllegalStateException("Expected HDF5 1.14 but " + lib + " is " + v[0] + "." + v[1] + "." + v[2]);
            }
        }
        return lib;
    }

    /** The file JavaCPP loaded HDF5 from (keyed "hdf5" or "hdf5@.soversion"), else its JNI glue. */
    private static String bundledPath() {
        Map<String, String> loaded = Loader.getLoadedLibraries();
        for (Map.Entry<String, String> e : loaded.entrySet()) {
            if (e.getValue() != null && (e.getKey().equals("hdf5") || e.getKey().startsWith("hdf5@"))) {
                return e.getValue();
            }
        }
        String glue = loaded.get("jnihdf5");
        if (glue == null) {
            throw new IllegalStateException("JavaCPP loaded HDF5 for '" + Loader.getPlatform()
                    + "' but did not report where from; loaded: " + loaded);
        }
        return glue;
    }

    private static int[] versionNumbers() {
        int[] major = new int[1];
        int[] minor = new int[1];
        int[] release = new int[1];
        hdf5.H5get_libversion(major, minor, release);
        return new int[] {major[0], minor[0], release[0]};
    }

    /** Library version string, for diagnostics. */
    public static String version() {
        ensureLoaded();
        synchronized (LOCK) {
            int[] v = versionNumbers();
            return v[0] + "." + v[1] + "." + v[2];
        }
    }
}
