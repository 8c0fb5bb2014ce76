package org.jepyc.cluster.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The experiment code a worker runs: the SHA-256 of every class file on its experiment class
 * path, by class name, and the class path itself. Workers publish theirs when they join; a
 * client compares the classes its experiment is made of with it before submitting, so a worker
 * never runs other code than the client sent (a jar rebuilt after the workers started, a class
 * they lack), and provenance records what the workers ran.
 *
 * @param classpath the worker's experiment class path, as given
 * @param classes   class name to the SHA-256 of its class file
 */
public record CodeManifest(String classpath, Map<String, String> classes) {
    /** Validates and copies. */
    public CodeManifest {
        classes = Map.copyOf(classes);
    }

    /**
     * @param classpath jars and class directories
     * @return their classes' hashes (the first of two classes with one name wins, as a class loader's)
     * @throws IOException if one cannot be read
     */
    public static CodeManifest of(List<Path> classpath) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Path p : classpath) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    for (Path f : s.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                        String rel = p.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                        out.putIfAbsent(className(rel), sha256(Files.readAllBytes(f)));
                    }
                }
            } else if (Files.isRegularFile(p)) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    for (JarEntry e : jar.stream().filter(e -> e.getName().endsWith(".class")
                            && !e.getName().startsWith("META-INF/")).toList()) {
                        try (InputStream in = jar.getInputStream(e)) {
                            out.putIfAbsent(className(e.getName()), sha256(in.readAllBytes()));
                        }
                    }
                }
            } else {
                throw new IOException("No such jar or directory on the experiment classpath: " + p);
            }
        }
        return new CodeManifest(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()), out);
    }

    private static String className(String resource) {
        return resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
    }

    /**
     * @param name   a class name
     * @param loader where the client loads it from
     * @return the SHA-256 of its class file there, if it can be read
     */
    public static Optional<String> hashOf(String name, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in == null ? Optional.empty() : Optional.of(sha256(in.readAllBytes()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** @return one hash of all the classes and their hashes: equal manifests have equal fingerprints */
    public String fingerprint() {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(classes).forEach((k, v) -> b.append(k).append(' ').append(v).append('\n'));
        return sha256(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @return the stored form: the class path on the first line, then one "name hash" line per class */
    public String format() {
        StringBuilder b = new StringBuilder(classpath.replace('\n', ' ')).append('\n');
        new TreeMap<>(classes).forEach((k, v) -> b.append(k).append(' ').append(v).append('\n'));
        return b.toString();
    }

    /**
     * @param stored a stored form (written by any holder of the cluster's name: checked)
     * @return the manifest, or empty if it is not one
     */
    public static Optional<CodeManifest> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        String[] lines = stored.split("\n");
        Map<String, String> classes = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(" ");
            if (f.length != 2 || f[1].length() != 64) {
                return Optional.empty();
            }
            classes.put(f[0], f[1]);
        }
        return Optional.of(new CodeManifest(lines.length == 0 ? "" : lines[0], classes));
    }

    /**
     * @param names the classes a submission is made of
     * @return those this manifest does not hold
     */
    public List<String> missing(Collection<String> names) {
        return names.stream().filter(n -> !classes.containsKey(n)).sorted().toList();
    }

    /** @param bytes a class file @return its SHA-256, as manifests and bundles record it */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
