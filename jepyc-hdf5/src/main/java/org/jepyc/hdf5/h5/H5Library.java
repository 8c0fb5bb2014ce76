package org.jepyc.hdf5.h5;

import hdf.hdf5lib.H5;
import org.bytedeco.javacpp.Loader;

/**
 * Loads the HDF5 native libraries bundled in {@code org.bytedeco:hdf5} exactly once.
 *
 * <p>The HDF Group's {@code hdf.hdf5lib.H5} looks for {@code hdf5_java} on {@code java.library.path}
 * in its static initialiser, where a system package (Debian's libhdf5-java) could supply a library
 * of another version. We let JavaCPP extract and load the bundled copy first and then point
 * {@code hdf.hdf5lib.H5.hdf5lib} at that very file, so {@code H5}'s own loading is a no-op on the
 * same library and both Java APIs share one native HDF5 instance (and so one id space).
 *
 * <p>The bundled HDF5 is built without thread safety: every native call must hold {@link #LOCK}.
 * {@code H5}'s own methods are {@code static synchronized}, so {@code H5.class} is that lock.
 */
public final class H5Library {

    /** The global HDF5 lock (the same monitor the {@code H5} class's synchronized methods use). */
    public static final Object LOCK = H5.class;

    private static volatile String loadedFrom;

    private H5Library() {}

    /**
     * Makes sure the bundled natives are loaded and HDF5's stderr error printing is off.
     *
     * @return the path of the loaded {@code libhdf5_java}
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
            Loader.load(org.bytedeco.hdf5.hdf5_java.class);
            // The C bindings (org.bytedeco.hdf5.global.hdf5) are used for variable-length data.
            Loader.load(org.bytedeco.hdf5.global.hdf5.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw new IllegalStateException("Cannot load the bundled HDF5 native library for platform '"
                    + platform + "': is the org.bytedeco:hdf5:1.14.3-1.5.10:" + platform
                    + " jar on the class path? (" + e + ")", e);
        }
        String javaLib = bundledPath("hdf5_java");
        if (javaLib == null) {
            throw new IllegalStateException("JavaCPP loaded HDF5 for '" + platform
                    + "' but did not report where libhdf5_java came from; loaded: " + Loader.getLoadedLibraries());
        }
        // H5's static initialiser honours this property before searching java.library.path.
        System.setProperty("hdf.hdf5lib.H5.hdf5lib", javaLib);
        synchronized (LOCK) {
            int[] version = new int[3];
            H5.H5get_libversion(version);
            if (version[0] != 1 || version[1] != 14) {
                throw new IllegalStateException("Expected HDF5 1.14 but " + javaLib + " is "
                        + version[0] + "." + version[1] + "." + version[2]);
            }
            // H5's initialiser already turns automatic error printing off; be explicit because
            // errors must surface as exceptions only, never as noise on stderr.
            H5.H5error_off();
        }
        return javaLib;
    }

    private static String bundledPath(String name) {
        // JavaCPP keys its map by library name, the value being the extracted file it loaded.
        return Loader.getLoadedLibraries().get(name);
    }

    /** Library version string, for diagnostics. */
    public static String version() {
        ensureLoaded();
        synchronized (LOCK) {
            int[] v = new int[3];
            H5.H5get_libversion(v);
            return v[0] + "." + v[1] + "." + v[2];
        }
    }
}
