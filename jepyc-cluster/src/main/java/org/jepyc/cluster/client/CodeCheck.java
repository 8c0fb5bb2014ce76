package org.jepyc.cluster.client;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jepyc.cluster.protocol.CodeBundle;
import org.jepyc.cluster.protocol.CodeManifest;

/**
 * Before a submission, decides what code the workers run: every class the experiments are made
 * of (found by serialising them) must either be on each worker's experiment class path with the
 * same class file, or travel with the submission in a {@link CodeBundle}.
 *
 * <p>The rule: a class from a jar is the workers' to have ({@code jepyc cluster start
 * --classpath JARS}); a class that exists only in this process — compiled by {@code jepyc run}
 * or the source launcher, defined in jshell, or loaded from a class directory — is shipped when
 * a worker lacks it, with the classes of the same kind it names (helpers, nested classes, earlier
 * jshell snippets). A class a worker has must be byte for byte the client's, whatever its kind:
 * workers load their classes once, when they start, so a jar rebuilt since would otherwise run
 * old code under a new provenance, and a bundle never replaces a worker's class. jepyc's and
 * the JDK's own classes are left out: the workers run the jepyc installation that started them.
 */
public final class CodeCheck {
    private static final List<String> OWN = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.jepyc.");

    private CodeCheck() { }

    /**
     * @param objects what is about to be sent (the experiments)
     * @return the classes their serialised form names, other than the JDK's and jepyc's
     */
    public static Set<Class<?>> classesOf(List<? extends Serializable> objects) {
        Set<Class<?>> out = new LinkedHashSet<>();
        try (ObjectOutputStream o = new ObjectOutputStream(OutputStream.nullOutputStream()) {
            @Override
            protected void annotateClass(Class<?> cl) {
                Class<?> c = cl;
                while (c.isArray()) {
                    c = c.getComponentType();       // an array is its element class's code
                }
                if (!c.isPrimitive() && !own(c.getName())) {
                    out.add(c);
                }
            }
        }) {
            for (Serializable s : objects) {
                o.writeObject(s);
            }
        } catch (IOException e) {
            // what cannot be serialised is reported when the batches are built
        }
        return out;
    }

    /**
     * @param classes   the classes a submission is made of
     * @param manifests each worker's code, by address
     * @return the workers' code fingerprints, by address (for provenance)
     * @throws IllegalStateException saying what differs, and how to restart the workers, if any worker lacks
     *                               a class (none is shipped here) or has another version of it
     */
    public static Map<String, String> require(Set<Class<?>> classes, Map<String, CodeManifest> manifests) {
        return plan(classes, manifests, false).workersCode();
    }

    /**
     * Plans a submission's code: the classes to ship, checked against what the workers have.
     *
     * @param classes   the classes a submission is made of ({@link #classesOf})
     * @param manifests each worker's code, by address
     * @return the bundle to ship and the workers' fingerprints
     * @throws IllegalStateException saying what differs, and how to restart the workers, if a worker has
     *                               another version of a class, or lacks a class that cannot be shipped
     */
    public static CodePlan plan(Set<Class<?>> classes, Map<String, CodeManifest> manifests) {
        return plan(classes, manifests, true);
    }

    private static CodePlan plan(Set<Class<?>> roots, Map<String, CodeManifest> manifests, boolean ship) {
        Map<Class<?>, byte[]> code = closure(roots, ship);
        List<String> problems = new ArrayList<>();
        Map<String, byte[]> shipped = new TreeMap<>();
        Map<String, String> requires = new TreeMap<>();
        for (Map.Entry<Class<?>, byte[]> e : code.entrySet()) {
            Class<?> c = e.getKey();
            String ours = e.getValue() == null ? null : CodeManifest.sha256(e.getValue());
            boolean shippable = ship && e.getValue() != null && shippable(c);
            boolean someLack = manifests.isEmpty();
            for (Map.Entry<String, CodeManifest> w : manifests.entrySet()) {
                String theirs = w.getValue().classes().get(c.getName());
                if (theirs == null) {
                    someLack = true;
                    if (!shippable) {
                        problems.add(c.getName() + " is not on the experiment classpath of worker " + w.getKey());
                    }
                } else if (ours != null && !ours.equals(theirs)) {
                    problems.add(c.getName() + " differs: here " + ours.substring(0, 12) + " (" + location(c)
                            + "), on worker " + w.getKey() + " " + theirs.substring(0, 12));
                }
            }
            if (shippable && someLack) {
                shipped.put(c.getName(), e.getValue());
            } else if (ours != null) {
                requires.put(c.getName(), ours);
            }
        }
        refuseIf(problems, manifests);
        return new CodePlan(new CodeBundle(shipped, requires), fingerprints(manifests));
    }

    /**
     * Checks a bundle stored earlier (a notebook's, for resubmission) against the workers.
     *
     * @param bundle    the code
     * @param manifests each worker's code, by address
     * @return the workers' fingerprints
     * @throws IllegalStateException saying what differs, and how to restart the workers
     */
    public static Map<String, String> require(CodeBundle bundle, Map<String, CodeManifest> manifests) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, CodeManifest> w : manifests.entrySet()) {
            for (String p : bundle.conflictsWith(w.getValue())) {
                problems.add(p + " (worker " + w.getKey() + ")");
            }
        }
        refuseIf(problems, manifests);
        return fingerprints(manifests);
    }

    private static Map<String, String> fingerprints(Map<String, CodeManifest> manifests) {
        Map<String, String> out = new LinkedHashMap<>();
        manifests.forEach((k, v) -> out.put(k, v.fingerprint()));
        return out;
    }

    private static void refuseIf(List<String> problems, Map<String, CodeManifest> manifests) {
        if (problems.isEmpty()) {
            return;
        }
        Set<String> classpaths = new LinkedHashSet<>();
        manifests.values().forEach(m -> classpaths.add(m.classpath().isEmpty() ? "(no --classpath)" : m.classpath()));
        throw new IllegalStateException("Refused to submit: the workers do not run this experiment's code. "
                + String.join("; ", problems.subList(0, Math.min(problems.size(), 4)))
                + (problems.size() > 4 ? "; and " + (problems.size() - 4) + " more" : "")
                + ". Workers load the classes of their jars when they start (their classpath: " + String.join(", ", classpaths)
                + "), and classes from jars are not shipped: restart them with the current code, with `jepyc cluster stop` "
                + "and then `jepyc cluster start -n N --classpath JARS`");
    }

    /**
     * The roots and, when shipping, the shippable classes they name, transitively: each with its
     * class file (null if it cannot be read here).
     */
    private static Map<Class<?>, byte[]> closure(Set<Class<?>> roots, boolean ship) {
        Map<Class<?>, byte[]> out = new LinkedHashMap<>();
        Deque<Class<?>> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (out.containsKey(c)) {
                continue;
            }
            byte[] bytes = classFile(c);
            out.put(c, bytes);
            if (!ship || bytes == null || !shippable(c)) {
                continue;
            }
            Set<String> names;
            try {
                names = ClassReferences.of(bytes);
            } catch (IOException e) {
                continue;
            }
            for (String n : names) {
                if (own(n) || n.equals(c.getName())) {
                    continue;
                }
                try {
                    Class<?> r = Class.forName(n, false, loaderOf(c));
                    if (!out.containsKey(r) && shippable(r)) {
                        todo.add(r);
                    }
                } catch (ClassNotFoundException | LinkageError ex) {
                    // a name that is no class here (or a class that cannot link): the JVM never needs it
                }
            }
        }
        return out;
    }

    /**
     * @return true for a class found in no jar: defined in memory (jshell, the source launcher, which names the
     *         source file) or loaded from a class directory
     */
    static boolean shippable(Class<?> c) {
        if (c.getClassLoader() == null || own(c.getName()) || c.isHidden()) {
            return false;
        }
        CodeSource s = c.getProtectionDomain().getCodeSource();
        URL u = s == null ? null : s.getLocation();
        if (u == null) {
            return true;
        }
        if (!"file".equals(u.getProtocol())) {
            return !"jar".equals(u.getProtocol());
        }
        try {
            Path p = Path.of(u.toURI());
            // the source launcher names the .java file its classes were compiled from
            return Files.isDirectory(p) || p.getFileName().toString().endsWith(".java");
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean own(String name) {
        return OWN.stream().anyMatch(name::startsWith);
    }

    private static byte[] classFile(Class<?> c) {
        try (InputStream in = loaderOf(c).getResourceAsStream(c.getName().replace('.', '/') + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    private static ClassLoader loaderOf(Class<?> c) {
        ClassLoader l = c.getClassLoader();
        return l != null ? l : ClassLoader.getSystemClassLoader();
    }

    private static String location(Class<?> c) {
        CodeSource s = c.getProtectionDomain().getCodeSource();
        if (s == null || s.getLocation() == null) {
            return "defined in memory";
        }
        String p = s.getLocation().getPath();
        return p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) + File.separator : p;
    }
}
