package org.jepyc.cluster.protocol;

import java.io.ObjectInputFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The classes a payload may contain: {@code java.*}, {@code org.jepyc.*}, arrays and
 * primitives, plus the packages named at start-up. Everything else is rejected before any of
 * its code runs.
 */
public final class AllowList implements ObjectInputFilter {
    private static final List<String> ALWAYS = List.of("java.", "org.jepyc.");
    private final List<String> prefixes = new ArrayList<>(ALWAYS);

    /** @param packages extra packages (a name such as {@code com.example.sim}, or a prefix ending in '.') */
    public AllowList(Collection<String> packages) {
        for (String p : packages) {
            String t = p.trim();
            if (!t.isEmpty()) {
                prefixes.add(t.endsWith(".") ? t : t + ".");
            }
        }
    }

    /** @return the allowed prefixes, each ending in '.' */
    public List<String> prefixes() {
        return List.copyOf(prefixes);
    }

    /** @param className a class name @return true if a payload may contain it */
    public boolean allows(String className) {
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
        if (c.isPrimitive() || allows(c.getName())) {
            return Status.ALLOWED;
        }
        return Status.REJECTED;
    }
}
