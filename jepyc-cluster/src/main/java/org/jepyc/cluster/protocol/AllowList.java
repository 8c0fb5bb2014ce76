package org.jepyc.cluster.protocol;

import java.io.ObjectInputFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The classes a payload may contain: {@code java.*}, {@code org.jepyc.*}, arrays and
 * primitives, plus the packages named at start-up and the classes of a task's code bundle (by
 * exact name: a one-file program's classes may be in the unnamed package). Everything else is
 * rejected before any of its code runs.
 */
public final class AllowList implements ObjectInputFilter {
    private static final List<String> ALWAYS = List.of("java.", "org.jepyc.");
    private final List<String> prefixes = new ArrayList<>(ALWAYS);
    private final java.util.Set<String> classes = new java.util.HashSet<>();

    /** @param packages extra packages (a name such as {@code com.example.sim}, or a prefix ending in '.') */
    public AllowList(Collection<String> packages) {
        for (String p : packages) {
            String t = p.trim();
            if (!t.isEmpty()) {
                prefixes.add(t.endsWith(".") ? t : t + ".");
            }
        }
    }

    /**
     * @param classNames classes allowed besides these packages (those a signed code bundle ships)
     * @return a list allowing them too
     */
    public AllowList withClasses(Collection<String> classNames) {
        AllowList out = new AllowList(List.of());
        out.prefixes.clear();
        out.prefixes.addAll(prefixes);
        out.classes.addAll(classes);
        out.classes.addAll(classNames);
        return out;
    }

    /** @return the allowed prefixes, each ending in '.' */
    public List<String> prefixes() {
        return List.copyOf(prefixes);
    }

    /** @param className a class name @return true if a payload may contain it */
    public boolean allows(String className) {
        if (classes.contains(className)) {
            return true;
        }
        for (String p : prefixes) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        Class<?> c = info.serialClass();
        if (c == null) {
            return info.depth() > 200 ? Status.REJECTED : Status.UNDECIDED;
        }
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isHidden()) {
            // a deserialised lambda (what SerializedLambda resolves to) is a hidden class of its
            // capturing class's nest: it is that class's code
            c = c.getNestHost();
        }
        if (c.isPrimitive() || allows(c.getName())) {
            return Status.ALLOWED;
        }
        return Status.REJECTED;
    }
}
