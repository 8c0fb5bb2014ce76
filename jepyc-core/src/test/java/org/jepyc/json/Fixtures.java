package org.jepyc.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Where the shared epyc fixtures are, and small file helpers for the tests. */
public final class Fixtures {
    private Fixtures() { }

    /** @return the fixtures written by epyc 1.7.2 (tests run from the repository root) */
    public static Path dir() {
        for (String p : new String[] {"../shared/fixtures/epyc-1.7.2", "../../shared/fixtures/epyc-1.7.2"}) {
            Path d = Path.of(p);
            if (Files.isDirectory(d)) {
                return d;
            }
        }
        throw new IllegalStateException("Cannot find ../shared/fixtures/epyc-1.7.2 from " + Path.of("").toAbsolutePath());
    }

    public static Path typedJson() { return dir().resolve("typed.json"); }

    /** @return the SHA-256 of a file, or of nothing if it is missing */
    public static String hash(Path p) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (Files.isRegularFile(p)) {
                try (InputStream in = Files.newInputStream(p)) {
                    md.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** @return a python3 that runs, or null */
    public static String python() {
        for (String exe : new String[] {"/usr/bin/python3", "python3"}) {
            try {
                Process p = new ProcessBuilder(exe, "-c", "import json").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() == 0) {
                    return exe;
                }
            } catch (IOException e) {
                // not there: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
