package org.jepyc.cluster.protocol;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A batch's bytes as stored in the cluster: magic, batch id, serialised {@link TaskPayload},
 * then an HMAC-SHA256 of all that with the cluster's secret. Workers {@link #open check the
 * signature} before the payload is deserialised, so only holders of the secret can make a
 * worker load a class.
 */
public final class TaskEnvelope {
    private static final int MAGIC = 0x4A505431; // "JPT1"

    private TaskEnvelope() { }

    /**
     * @param batchId the batch
     * @param payload its serialised {@link TaskPayload}
     * @param signer  the cluster's key
     * @return the signed envelope
     */
    public static byte[] seal(String batchId, byte[] payload, Signer signer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeUTF(batchId);
            out.writeInt(payload.length);
            out.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return signer.append(bytes.toByteArray());
    }

    /**
     * @param batchId  the id the envelope was stored under
     * @param envelope the stored bytes
     * @param signer   the cluster's key
     * @return the payload bytes, not yet deserialised
     * @throws SecurityException if the envelope is unsigned, wrongly signed, damaged, or for another batch
     */
    public static byte[] open(String batchId, byte[] envelope, Signer signer) {
        if (!signer.verify(envelope)) {
            throw new SecurityException("Task " + batchId + " is unsigned or signed with another secret: refused");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(envelope, 0, envelope.length - Signer.LENGTH))) {
            if (in.readInt() != MAGIC) {
                throw new SecurityException("Task " + batchId + " is not a jepyc task");
            }
            String id = in.readUTF();
            if (!id.equals(batchId)) {
                throw new SecurityException("Task stored as " + batchId + " was signed for " + id + ": refused");
            }
            byte[] payload = new byte[in.readInt()];
            in.readFully(payload);
            return payload;
        } catch (IOException e) {
            throw new SecurityException("Task " + batchId + " is damaged: " + e, e);
        }
    }
}
