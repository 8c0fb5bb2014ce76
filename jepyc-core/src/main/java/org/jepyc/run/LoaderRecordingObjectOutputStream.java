package org.jepyc.run;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Serialises like {@link ObjectOutputStream} and remembers, for each class description it writes,
 * the class loader of that class. A copy read back with {@link LoaderObjectInputStream} over
 * {@link #loaders()} then finds every class where the writer found it: a user's experiment
 * compiled by {@code java Sum.java} or defined in jshell lives in a loader that jepyc's classes
 * (a {@code SummaryExperiment} wrapping it, say) cannot see.
 *
 * <p>The stream calls {@code annotateClass} once per class description, in the order the
 * descriptions appear in the bytes, and {@link java.io.ObjectInputStream} calls {@code resolveClass} for
 * the same descriptions in the same order; so the n-th recorded loader belongs to the n-th class
 * read, even when two loaders hold classes of the same name (jshell redefinitions).
 */
public final class LoaderRecordingObjectOutputStream extends ObjectOutputStream {
    private final List<ClassLoader> loaders = new ArrayList<>();

    /**
     * @param out where the bytes go
     * @throws IOException if the stream header cannot be written
     */
    public LoaderRecordingObjectOutputStream(OutputStream out) throws IOException {
        super(out);
    }

    @Override
    protected void annotateClass(Class<?> cl) {
        loaders.add(cl.getClassLoader());   // null for the JDK's bootstrap classes
    }

    @Override
    protected void annotateProxyClass(Class<?> cl) {
        loaders.add(cl.getClassLoader());
    }

    /** @return the loader of each class description written so far, in stream order (null: bootstrap) */
    public List<ClassLoader> loaders() {
        return Collections.unmodifiableList(new ArrayList<>(loaders));
    }
}
