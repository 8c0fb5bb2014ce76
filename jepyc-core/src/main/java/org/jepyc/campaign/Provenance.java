package org.jepyc.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a run's results came from, recorded as result-set attributes: the jepyc version, the
 * JDK and JVM arguments, the host, the experiment class, the git commit (and whether the work
 * tree had uncommitted changes) of the working directory, and the SHA-256 of the jar or class
 * directory the experiment was loaded from. What is slow to find (git, hashes) is found once
 * per JVM.
 */
public final class Provenance {
    private static final Logger LOG = LoggerFactory.getLogger(Provenance.class);

    /** Prefix of every provenance attribute. */
    public static final String PREFIX = "jepyc.provenance.";

    private static final Map<String, String> CODE_HASHES = new ConcurrentHashMap<>();
    private static volatile Map<String, String> machine;

    private Provenance() { }

    /**
     * @param experimentClasses the class of the experiment a lab is about to run, then the
     *                          class of each experiment it wraps, outermost first (not empty)
     * @return attribute name to value, every name starting with {@link #PREFIX}
     */
    public static Map<String, String> of(List<Class<?>> experimentClasses) {
        if (experimentClasses.isEmpty()) {
            throw new IllegalArgumentException("No experiment class to describe");
        }
        Map<String, String> out = new LinkedHashMap<>(machine());
        out.put(PREFIX + "experiment", describe(experimentClasses));
        String hash = codeHash(experimentClasses.get(experimentClasses.size() - 1));
        if (hash != null) {
            out.put(PREFIX + "code_sha256", hash);
        }
        return out;
    }

    /** @return the experiment's class, with the classes it wraps: Summary(Repeated(Sir)) */
    private static String describe(List<Class<?>> classes) {
        StringBuilder b = new StringBuilder(classes.get(0).getName());
        for (Class<?> c : classes.subList(1, classes.size())) {
            b.append('(').append(c.getName());
        }
        return b.append(")".repeat(classes.size() - 1)).toString();
    }

    private static Map<String, String> machine() {
        Map<String, String> m = machine;
        if (m == null) {
            m = new LinkedHashMap<>();
            m.put(PREFIX + "jepyc_version", version());
            m.put(PREFIX + "java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.vm.name") + ")");
            m.put(PREFIX + "jvm_arguments", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
            m.put(PREFIX + "host", host());
            m.put(PREFIX + "working_directory", Path.of("").toAbsolutePath().toString());
            m.putAll(git());
            machine = m;
        }
        return m;
    }

    private static String version() {
        try (InputStream in = Provenance.class.getResourceAsStream("/org/jepyc/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String h = System.getenv("HOSTNAME");
            return h == null ? "unknown" : h;
        }
    }

    private static Map<String, String> git() {
        Map<String, String> m = new LinkedHashMap<>();
        String commit = run("git", "rev-parse", "HEAD");
        if (commit != null && !commit.isBlank()) {
            m.put(PREFIX + "git_commit", commit.strip());
            String status = run("git", "status", "--porcelain", "--untracked-files=no");
            if (status != null) {
                m.put(PREFIX + "git_dirty", Boolean.toString(!status.isBlank()));
            }
        }
        return m;
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;    // no git here: nothing to record
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** @return the SHA-256 of the jar or class directory a class came from, or null if unknown */
    static String codeHash(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        String where = source.getLocation().toString();
        return CODE_HASHES.computeIfAbsent(where, w -> {
            try {
                return sha256(Path.of(source.getLocation().toURI()));
            } catch (URISyntaxException | IOException | IllegalArgumentException e) {
                LOG.debug("Cannot hash the code of {} at {}: {}", c.getName(), w, e.toString());
                return "unknown";
            }
        });
    }

    /** Hashes a file, or a directory as its files' relative paths and contents in sorted order. */
    static String sha256(Path root) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isRegularFile(root)) {
            try (InputStream in = Files.newInputStream(root)) {
                in.transferTo(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), md));
            }
        } else {
            List<Path> files;
            try (Stream<Path> s = Files.walk(root)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                md.update(root.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
