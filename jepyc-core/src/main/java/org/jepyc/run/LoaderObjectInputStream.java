package org.jepyc.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;

/**
 * Deserialises with a given class loader first (the experiment's own, or a worker's with the
 * experiment jars), falling back to the default: copies of experiments must find classes that
 * the thread reading them might not see.
 */
public final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    /**
     * @param in     the serialised bytes
     * @param loader the loader to resolve classes with first
     * @throws IOException if the stream header cannot be read
     */
    public LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
        super(in);
        this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        try {
            return Class.forName(desc.getName(), false, loader);
        } catch (ClassNotFoundException e) {
            return super.resolveClass(desc);
        }
    }
}
