package org.jepyc.cluster.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What a client or a worker needs to find a cluster and prove it belongs: the members'
 * addresses and the cluster's secret (JSON, readable by its owner only). The Hazelcast
 * cluster name is derived from the secret, so a process without the secret cannot even join
 * or connect; tasks and results are signed with it.
 *
 * @param path      where it is stored (null if not yet)
 * @param addresses the members' {@code host:port} addresses
 * @param secret    the shared secret
 */
public record ConnectionFile(Path path, List<String> addresses, byte[] secret) {
    /** The file's name inside a profile directory. */
    public static final String FILE_NAME = "jepyc-cluster.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** @param addresses members' addresses @return a connection description with a fresh 256-bit secret */
    public static ConnectionFile fresh(List<String> addresses) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new ConnectionFile(null, List.copyOf(addresses), secret);
    }

    /** @return the Hazelcast cluster name: derived from the secret */
    public String clusterName() {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update("jepyc-cluster-name:".getBytes(StandardCharsets.UTF_8));
            return "jepyc-" + HexFormat.of().formatHex(d.digest(secret)).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the file atomically, readable and writable by its owner only (where the file system
     * has POSIX permissions).
     *
     * @param file where to write it
     * @return this connection, stored there
     * @throws IOException if it cannot be written
     */
    public ConnectionFile write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", 1);
        m.put("clusterName", clusterName());
        m.put("addresses", addresses);
        m.put("secret", Base64.getEncoder().encodeToString(secret));
        Path tmp = posix ? Files.createTempFile(dir, ".conn", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".conn", ".tmp");
        try {
            Files.write(tmp, JSON.writeValueAsBytes(m));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new ConnectionFile(file, addresses, secret);
    }

    /**
     * @param file a connection file
     * @return what it holds
     * @throws IllegalArgumentException naming the file if it is missing or not a connection file
     */
    public static ConnectionFile read(Path file) {
        try {
            JsonNode n = JSON.readTree(Files.readAllBytes(file));
            List<String> addresses = new ArrayList<>();
            n.path("addresses").forEach(a -> addresses.add(a.asText()));
            String secret = n.path("secret").asText("");
            if (addresses.isEmpty() || secret.isEmpty()) {
                throw new IllegalArgumentException("Connection file " + file + " has no member addresses or no secret");
            }
            return new ConnectionFile(file, List.copyOf(addresses), Base64.getDecoder().decode(secret));
        } catch (NoSuchFileException e) {
            Optional<String> profile = profileOf(file);
            throw new IllegalArgumentException(profile.map(p -> "No cluster is running for profile " + p + " (no connection file "
                    + file + "): start one with `jepyc cluster start" + (p.equals(JepycHome.DEFAULT_PROFILE) ? "" : " --profile " + p)
                    + " -n N`").orElse("No cluster connection file " + file
                    + ": start a cluster with `jepyc cluster start` or give the file of a running one"), e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage().startsWith("Connection file")) {
                throw iae;
            }
            throw new IllegalArgumentException("Cannot read cluster connection file " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return a description naming the profile, the addresses and the file, for error messages */
    public String describe() {
        return profile().map(p -> "cluster of profile " + p + " at ").orElse("cluster at ") + addresses
                + (path == null ? "" : " (connection file " + path + ")");
    }

    /** @return the profile whose directory holds this file, if it is in one */
    public Optional<String> profile() {
        return path == null ? Optional.empty() : profileOf(path);
    }

    private static Optional<String> profileOf(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        String name = dir == null || dir.getFileName() == null ? "" : dir.getFileName().toString();
        return name.startsWith("profile_") ? Optional.of(name.substring("profile_".length())) : Optional.empty();
    }

    /** @param other another secret @return a copy of this connection with that secret (tests) */
    public ConnectionFile withSecret(byte[] other) {
        return new ConnectionFile(path, addresses, other.clone());
    }
}
