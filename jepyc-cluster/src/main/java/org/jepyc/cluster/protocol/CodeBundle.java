package org.jepyc.cluster.protocol;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The experiment code a submission carries to the workers: the class files of the classes the
 * workers lack, by name, and the SHA-256 of each class the experiment takes from the workers'
 * own experiment class path. A bundle is named by the SHA-256 of its bytes, stored once in the
 * cluster signed with the cluster's secret, and referenced by the tasks that need it.
 *
 * <h2>What travels, and what never does</h2>
 * Only code that exists nowhere but in the submitting process travels: classes compiled by
 * {@code jepyc run} or {@code java Sweep.java}, defined in jshell, or loaded from a class
 * directory (the capturing class of a lambda included). Classes from jars are the workers' to
 * load ({@code jepyc cluster start --classpath JARS}). A shipped class never replaces a class
 * of the workers: their class loader asks its parent first, so a class the workers have is
 * theirs, and the client refuses a submission when their copy differs from its own (the
 * {@link #requires() requirements} say which copies the experiment was checked against). A
 * worker defines no class of a bundle before it has checked the bundle's signature and name.
 *
 * @see CodeManifest what the workers have
 */
public final class CodeBundle {
    private static final int MAGIC = 0x4A504231; // "JPB1"
    private final SortedMap<String, byte[]> classes;
    private final SortedMap<String, String> requires;

    /**
     * @param classes  class name to class file, for the classes shipped
     * @param requires class name to SHA-256, for the workers' classes the experiment uses
     */
    public CodeBundle(Map<String, byte[]> classes, Map<String, String> requires) {
        TreeMap<String, byte[]> c = new TreeMap<>();
        classes.forEach((k, v) -> c.put(k, v.clone()));
        this.classes = Collections.unmodifiableSortedMap(c);
        this.requires = Collections.unmodifiableSortedMap(new TreeMap<>(requires));
    }

    /** @return the names of the shipped classes, sorted */
    public List<String> classNames() {
        return List.copyOf(classes.keySet());
    }

    /**
     * @param name a class name
     * @return its class file, or null if the bundle does not ship it
     */
    public byte[] classFile(String name) {
        byte[] b = classes.get(name);
        return b == null ? null : b.clone();
    }

    /** @return class name to SHA-256 of each class the experiment takes from the workers */
    public Map<String, String> requires() {
        return requires;
    }

    /** @return true if no class is shipped (the tasks then carry no bundle) */
    public boolean shipsNothing() {
        return classes.isEmpty();
    }

    /**
     * @param manifest a worker's code
     * @return why this bundle cannot run there: a required class it lacks or has in another version,
     *         a shipped class it has in another version (empty if it can)
     */
    public List<String> conflictsWith(CodeManifest manifest) {
        List<String> out = new ArrayList<>();
        requires.forEach((name, hash) -> {
            String theirs = manifest.classes().get(name);
            if (theirs == null) {
                out.add(name + " is not on the worker's experiment classpath");
            } else if (!theirs.equals(hash)) {
                out.add(name + " differs: submitted " + hash.substring(0, 12) + ", on the worker " + theirs.substring(0, 12));
            }
        });
        classes.forEach((name, bytes) -> {
            String theirs = manifest.classes().get(name);
            if (theirs != null && !theirs.equals(CodeManifest.sha256(bytes))) {
                out.add(name + " differs: submitted " + CodeManifest.sha256(bytes).substring(0, 12) + ", on the worker "
                        + theirs.substring(0, 12));
            }
        });
        return out;
    }

    /** @return the bundle's bytes (the same classes always give the same bytes) */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(classes.size());
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
            out.writeInt(requires.size());
            for (Map.Entry<String, String> e : requires.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @return the bundle's name: the SHA-256 of its bytes */
    public String hash() {
        return CodeManifest.sha256(toBytes());
    }

    /**
     * @param signer the cluster's key
     * @return the bytes to store in the cluster under {@link #hash()}
     */
    public byte[] seal(Signer signer) {
        return signer.append(toBytes());
    }

    /**
     * Checks a stored bundle before anything of it is used.
     *
     * @param hash   the name it was fetched by
     * @param sealed the stored bytes
     * @param signer the cluster's key
     * @return the bundle
     * @throws SecurityException if it is unsigned, signed with another secret, not the bundle of that name, or damaged
     */
    public static CodeBundle open(String hash, byte[] sealed, Signer signer) {
        if (!signer.verify(sealed)) {
            throw new SecurityException("Code bundle " + abbreviate(hash) + " is unsigned or signed with another secret: refused");
        }
        byte[] bytes = Arrays.copyOf(sealed, sealed.length - Signer.LENGTH);
        if (!CodeManifest.sha256(bytes).equals(hash)) {
            throw new SecurityException("Code bundle stored as " + abbreviate(hash) + " holds other code: refused");
        }
        try {
            return parse(bytes);
        } catch (IOException e) {
            throw new SecurityException("Code bundle " + abbreviate(hash) + " is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * @param bytes what {@link #toBytes()} wrote (as a notebook stores it)
     * @return the bundle
     * @throws IOException if the bytes are not a bundle
     */
    public static CodeBundle parse(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a jepyc code bundle");
            }
            Map<String, byte[]> classes = new TreeMap<>();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new IOException("class " + name + " is cut short");
                }
                byte[] b = new byte[length];
                in.readFully(b);
                classes.put(name, b);
            }
            Map<String, String> requires = new TreeMap<>();
            int m = in.readInt();
            for (int i = 0; i < m; i++) {
                requires.put(in.readUTF(), in.readUTF());
            }
            if (in.available() > 0) {
                throw new IOException("trailing bytes");
            }
            return new CodeBundle(classes, requires);
        }
    }

    private static String abbreviate(String hash) {
        return hash == null ? "null" : hash.substring(0, Math.min(12, hash.length()));
    }
}
