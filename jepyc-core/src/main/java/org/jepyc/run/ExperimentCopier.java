package org.jepyc.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes independent copies of the experiments of a run by serialisation, so that concurrent
 * runs never share an experiment's state (epyc gives each job its own copy; a thread of a
 * parallel lab reuses its copy point after point, exactly as the sequential lab reuses its one
 * instance). Experiments are serialised once; each copy is one deserialisation that finds every
 * class in the loader it came from — not the outermost experiment's loader, which for a user's
 * experiment wrapped in a {@code SummaryExperiment} is jepyc's, blind to classes compiled from a
 * source file ({@code java Sum.java}), defined in jshell, or captured by a lambda there.
 *
 * @param <E> the type of experiment
 */
public final class ExperimentCopier<E extends Serializable> {
    private final byte[] snapshot;
    private final List<ClassLoader> loaders;
    private final Map<E, Integer> index = new IdentityHashMap<>();

    /**
     * @param experiments the experiments to copy (several points may share one)
     * @throws IllegalArgumentException if an experiment cannot be serialised
     */
    public ExperimentCopier(List<? extends E> experiments) {
        List<E> distinct = new ArrayList<>();
        for (E e : experiments) {
            if (!index.containsKey(e)) {
                index.put(e, distinct.size());
                distinct.add(e);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<ClassLoader> written;
        try (LoaderRecordingObjectOutputStream out = new LoaderRecordingObjectOutputStream(bytes)) {
            out.writeObject(distinct);
            written = out.loaders();
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("Experiment " + distinct + " cannot be copied for parallel runs: "
                    + e.getMessage() + " is not Serializable. Make it Serializable, or mark the field transient "
                    + "and rebuild it in setUp", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Experiment " + distinct + " cannot be serialised: " + e, e);
        }
        this.snapshot = bytes.toByteArray();
        this.loaders = written;
    }

    /**
     * @param original one of the experiments given to the constructor
     * @return its position in {@link #copies()}
     */
    public int indexOf(E original) {
        return index.get(original);
    }

    /** @return a fresh, independent copy of every distinct experiment, in {@link #indexOf} order */
    @SuppressWarnings("unchecked")
    public List<E> copies() {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(snapshot), loaders)) {
            return (List<E>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot copy experiment: " + e, e);
        }
    }
}
