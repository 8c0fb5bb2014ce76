package org.jepyc.cluster.protocol;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

import org.jepyc.run.LoaderObjectInputStream;

/**
 * Java serialisation of payloads: writing is plain; reading goes through an
 * {@link AllowList} filter and a chosen class loader (where the experiment classes are).
 */
public final class PayloadCodec {
    private final AllowList allow;
    private final ClassLoader loader;

    /**
     * @param allow  classes a payload may contain
     * @param loader where to find them
     */
    public PayloadCodec(AllowList allow, ClassLoader loader) {
        this.allow = allow;
        this.loader = loader;
    }

    /** @return the class loader classes are looked up in */
    public ClassLoader loader() {
        return loader;
    }

    /**
     * @param o an object
     * @return its serialised form
     * @throws IllegalArgumentException if it cannot be serialised (a field that is not Serializable)
     */
    public static byte[] write(Serializable o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (java.io.NotSerializableException e) {
            throw new IllegalArgumentException("Cannot send " + o.getClass().getName() + " to the cluster: "
                    + e.getMessage() + " is not Serializable (make it Serializable, or transient and rebuilt in setUp)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialise " + o.getClass().getName() + ": " + e, e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param bytes a serialised object
     * @param type  what it must be
     * @param <T>   its type
     * @return the object
     * @throws InvalidClassException  if it holds a class outside the allow-list
     * @throws ClassNotFoundException if a class is missing here
     * @throws IOException            if the bytes are damaged
     */
    public <T> T read(byte[] bytes, Class<T> type) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            in.setObjectInputFilter(allow);
            Object o = in.readObject();
            if (!type.isInstance(o)) {
                throw new InvalidClassException(o == null ? "null" : o.getClass().getName(), "expected a " + type.getName());
            }
            return type.cast(o);
        }
    }
}
