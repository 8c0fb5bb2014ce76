package org.jepyc.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.List;
import java.util.Objects;

/**
 * Deserialises with chosen class loaders, falling back to the default: copies of experiments must
 * find classes that the thread reading them might not see.
 *
 * <p>Two ways of choosing: one loader for every class (a worker's, holding the experiment jars),
 * or the loaders a {@link LoaderRecordingObjectOutputStream} recorded, one per class description
 * in stream order — which finds each class in the loader it was written from, whatever loader
 * the outermost object came from.
 */
public final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;
    private final List<ClassLoader> recorded;
    private int next;

    /**
     * @param in     the serialised bytes
     * @param loader the loader to resolve every class with first
     * @throws IOException if the stream header cannot be read
     */
    public LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
        super(in);
        this.loader = loader;
        this.recorded = null;
    }

    /**
     * @param in       bytes written by a {@link LoaderRecordingObjectOutputStream}
     * @param recorded its {@link LoaderRecordingObjectOutputStream#loaders()}
     * @throws IOException if the stream header cannot be read
     */
    public LoaderObjectInputStream(InputStream in, List<ClassLoader> recorded) throws IOException {
        super(in);
        this.loader = null;
        this.recorded = Objects.requireNonNull(recorded, "recorded");
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        ClassLoader first = nextLoader();
        if (first != null || recorded != null) {
            try {
                return Class.forName(desc.getName(), false, first);
            } catch (ClassNotFoundException e) {
                // primitive types ("int") and classes moved since writing: the default rules below
            }
        }
        return super.resolveClass(desc);
    }

    @Override
    protected Class<?> resolveProxyClass(String[] interfaces) throws IOException, ClassNotFoundException {
        nextLoader();   // keeps the recorded loaders in step; proxies resolve by the default rules
        return super.resolveProxyClass(interfaces);
    }

    /** The loader for the next class description: the recorded one in order, or the single one. */
    private ClassLoader nextLoader() throws IOException {
        if (recorded == null) {
            return loader;
        }
        if (next >= recorded.size()) {
            throw new IOException("The serialised bytes name more classes (" + (next + 1) + ") than were recorded ("
                    + recorded.size() + "): they were not written by the matching LoaderRecordingObjectOutputStream");
        }
        return recorded.get(next++);
    }
}
