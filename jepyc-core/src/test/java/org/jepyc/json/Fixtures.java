package org.jepyc.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jepyc.fixtures.EpycFixtures;

/** Where epyc's fixtures are for the JSON tests, and small file helpers. */
public final class Fixtures {
    private Fixtures() { }

    /** @return read-only copies of the fixtures written by epyc 1.7.2 */
    public static Path dir() {
        return EpycFixtures.readOnlyDirectory();
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
