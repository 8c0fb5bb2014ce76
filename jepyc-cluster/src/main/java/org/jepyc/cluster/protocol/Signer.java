package org.jepyc.cluster.protocol;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with a cluster's secret: signs task and result envelopes and checks signatures
 * in constant time. Thread-safe (a {@link Mac} per call).
 */
public final class Signer {
    /** Length of a signature in bytes. */
    public static final int LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    /** @param secret the shared secret (at least 16 bytes) */
    public Signer(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("A cluster secret must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /**
     * @param data   bytes to sign
     * @param offset where they start
     * @param length how many
     * @return their 32-byte signature
     */
    public byte[] sign(byte[] data, int offset, int length) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(data, offset, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available: " + e, e);
        }
    }

    /**
     * @param signed bytes whose last {@link #LENGTH} bytes sign the rest
     * @return true if the signature is right
     */
    public boolean verify(byte[] signed) {
        if (signed == null || signed.length < LENGTH) {
            return false;
        }
        int n = signed.length - LENGTH;
        byte[] expected = sign(signed, 0, n);
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(signed, n, signed.length));
    }

    /**
     * @param data bytes to sign
     * @return data followed by its signature
     */
    public byte[] append(byte[] data) {
        byte[] sig = sign(data, 0, data.length);
        byte[] out = Arrays.copyOf(data, data.length + LENGTH);
        System.arraycopy(sig, 0, out, data.length, LENGTH);
        return out;
    }
}
