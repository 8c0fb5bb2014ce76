package org.jepyc.cluster.worker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jepyc.cluster.protocol.AllowList;
import org.jepyc.cluster.protocol.CodeBundle;
import org.jepyc.cluster.protocol.CodeManifest;
import org.jepyc.cluster.protocol.PayloadCodec;
import org.jepyc.cluster.protocol.Signer;

/**
 * The code bundles a worker has loaded, by name: each a class loader that defines the bundle's
 * classes, a child of the worker's experiment class loader, with a codec whose allow-list admits
 * them. A bundle is fetched, its signature and name checked, and its conflicts with the
 * worker's own code looked for before any of its classes is defined; a bundle that fails is
 * refused and not remembered. The most recently used bundles are kept (a jshell session makes
 * a new one per change of its code).
 */
final class BundleLoaders {
    private static final int KEEP = 32;
    private final Function<String, byte[]> store;
    private final Signer signer;
    private final CodeManifest manifest;
    private final ClassLoader parent;
    private final AllowList allow;
    private final Map<String, PayloadCodec> loaded = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PayloadCodec> eldest) {
            return size() > KEEP;
        }
    };

    /**
     * @param store    the cluster's bundles (name to signed bytes)
     * @param signer   the cluster's key
     * @param manifest the worker's own experiment code
     * @param parent   the worker's experiment class loader
     * @param allow    the worker's allow-list
     */
    BundleLoaders(Function<String, byte[]> store, Signer signer, CodeManifest manifest, ClassLoader parent, AllowList allow) {
        this.store = store;
        this.signer = signer;
        this.manifest = manifest;
        this.parent = parent;
        this.allow = allow;
    }

    /**
     * @param name a bundle's name
     * @return a codec reading through the bundle's classes
     * @throws SecurityException if the bundle is missing, unsigned, forged, damaged, or would run other code than
     *                           the worker's for a class the worker has
     */
    synchronized PayloadCodec codec(String name) {
        PayloadCodec c = loaded.get(name);
        if (c != null) {
            return c;
        }
        byte[] sealed = store.apply(name);
        if (sealed == null) {
            throw new SecurityException("Code bundle " + name.substring(0, Math.min(12, name.length()))
                    + " is not in the cluster (submitted to another cluster, or the cluster was restarted): submit again");
        }
        CodeBundle bundle = CodeBundle.open(name, sealed, signer);
        List<String> conflicts = bundle.conflictsWith(manifest);
        if (!conflicts.isEmpty()) {
            throw new SecurityException("The submitted code differs from this worker's: " + String.join("; ", conflicts)
                    + ". Restart the workers with the current code");
        }
        ClassLoader loader = new BundleClassLoader(name, bundle, parent);
        c = new PayloadCodec(allow.withClasses(bundle.classNames()), loader);
        loaded.put(name, c);
        return c;
    }

    /**
     * Defines a bundle's classes on demand. It asks its parent first (the class loader's rule),
     * so a class the worker has is always the worker's own.
     */
    static final class BundleClassLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final CodeBundle bundle;

        BundleClassLoader(String name, CodeBundle bundle, ClassLoader parent) {
            super("jepyc-bundle-" + name.substring(0, Math.min(12, name.length())), parent);
            this.bundle = bundle;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = bundle.classFile(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }

    }
}
