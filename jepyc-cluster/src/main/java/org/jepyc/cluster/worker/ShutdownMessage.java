package org.jepyc.cluster.worker;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jepyc.cluster.protocol.Signer;

/** The signed "shut down" message that {@code jepyc cluster stop} publishes to every worker. */
public final class ShutdownMessage {
    private static final String PREFIX = "shutdown:";

    private ShutdownMessage() { }

    /** @param signer the cluster's key @return a fresh signed shutdown message */
    public static String create(Signer signer) {
        String body = PREFIX + System.currentTimeMillis();
        byte[] signed = signer.append(body.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signed);
    }

    /**
     * @param message a control message
     * @param signer  the cluster's key
     * @return true if it is a shutdown message signed with that key
     */
    public static boolean verify(String message, Signer signer) {
        try {
            byte[] b = Base64.getDecoder().decode(message);
            return signer.verify(b) && new String(b, 0, b.length - Signer.LENGTH, StandardCharsets.UTF_8).startsWith(PREFIX);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
