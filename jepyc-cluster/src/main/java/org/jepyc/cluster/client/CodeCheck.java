package org.jepyc.cluster.client;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jepyc.cluster.protocol.CodeManifest;

/**
 * Before a submission, checks that the workers run the code the client sends: every class the
 * experiments are made of (found by serialising them) must be on each worker's experiment class
 * path with the same class file. Workers load their classes once, when they start, so a jar
 * rebuilt since would otherwise run old code under a new provenance, and a class they lack
 * would fail every point later, one by one. jepyc's and the JDK's own classes are left out:
 * the workers run the jepyc installation that started them.
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
                if (!c.isPrimitive() && OWN.stream().noneMatch(c.getName()::startsWith)) {
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
     *                               a class or has another version of it
     */
    public static Map<String, String> require(Set<Class<?>> classes, Map<String, CodeManifest> manifests) {
        List<String> problems = new ArrayList<>();
        Map<String, String> fingerprints = new LinkedHashMap<>();
        Set<String> classpaths = new LinkedHashSet<>();
        for (Map.Entry<String, CodeManifest> w : manifests.entrySet()) {
            CodeManifest m = w.getValue();
            fingerprints.put(w.getKey(), m.fingerprint());
            classpaths.add(m.classpath().isEmpty() ? "(no --classpath)" : m.classpath());
            for (Class<?> c : classes) {
                String theirs = m.classes().get(c.getName());
                Optional<String> ours = CodeManifest.hashOf(c.getName(), loaderOf(c));
                if (theirs == null) {
                    problems.add(c.getName() + " is not on the experiment classpath of worker " + w.getKey());
                } else if (ours.isPresent() && !ours.get().equals(theirs)) {
                    problems.add(c.getName() + " differs: here " + ours.get().substring(0, 12) + " (" + location(c)
                            + "), on worker " + w.getKey() + " " + theirs.substring(0, 12));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refused to submit: the workers do not run this experiment's code. "
                    + String.join("; ", problems.subList(0, Math.min(problems.size(), 4)))
                    + (problems.size() > 4 ? "; and " + (problems.size() - 4) + " more" : "")
                    + ". Workers load their classes when they start (their classpath: " + String.join(", ", classpaths)
                    + "): restart them with the current code, with `jepyc cluster stop` and then "
                    + "`jepyc cluster start -n N --classpath JARS`");
        }
        return fingerprints;
    }

    private static ClassLoader loaderOf(Class<?> c) {
        ClassLoader l = c.getClassLoader();
        return l != null ? l : ClassLoader.getSystemClassLoader();
    }

    private static String location(Class<?> c) {
        CodeSource s = c.getProtectionDomain().getCodeSource();
        return s == null || s.getLocation() == null ? "unknown location" : s.getLocation().getPath();
    }
}
