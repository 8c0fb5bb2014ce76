package org.jepyc.cluster.admin;

import java.nio.file.Path;

/**
 * Where jepyc keeps cluster profiles: {@code ~/.jepyc}, unless the system property
 * {@code jepyc.home} or the environment variable {@code JEPYC_HOME} names another directory
 * (tests use that so they never touch the real home).
 */
public final class JepycHome {
    /** The default profile's name. */
    public static final String DEFAULT_PROFILE = "default";

    private JepycHome() { }

    /** @return the jepyc home directory */
    public static Path home() {
        String p = System.getProperty("jepyc.home");
        if (p == null || p.isBlank()) {
            p = System.getenv("JEPYC_HOME");
        }
        if (p == null || p.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".jepyc");
        }
        return Path.of(p);
    }

    /** @param profile a profile name (null for the default) @return its directory */
    public static Path profileDir(String profile) {
        String name = profile == null || profile.isBlank() ? DEFAULT_PROFILE : profile;
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("A profile name may hold letters, digits, '.', '_' and '-' only: " + name);
        }
        return home().resolve("profile_" + name);
    }

    /** @param profile a profile name (null for the default) @return its connection file */
    public static Path connectionFile(String profile) {
        return profileDir(profile).resolve(ConnectionFile.FILE_NAME);
    }
}
