package org.jepyc.cluster.protocol;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A finished batch as stored in the cluster, signed by the worker: either the points' results
 * (a serialised {@code ArrayList<ResultsDict>} in point order) or a message saying why the
 * whole batch failed (its experiment could not be loaded, its workers kept dying).
 *
 * <p>The numbers of points and of failed points travel outside the payload, signed with it, so
 * that {@code jepyc cluster status} can count successes and failures without loading any
 * experiment class.
 *
 * @param batchId the batch
 * @param ok      true if {@link #payload} holds results
 * @param points  the batch's points (-1 if unknown)
 * @param failed  how many of them failed (all of them for a failed batch)
 * @param payload the serialised results, or the failure message in UTF-8
 */
public record ResultEnvelope(String batchId, boolean ok, int points, int failed, byte[] payload) {
    private static final int MAGIC = 0x4A505232; // "JPR2"

    /**
     * @param batchId the batch
     * @param points  its number of points
     * @param failed  how many failed
     * @param results the serialised results list
     * @return the envelope
     */
    public static ResultEnvelope results(String batchId, int points, int failed, byte[] results) {
        return new ResultEnvelope(batchId, true, points, failed, results);
    }

    /**
     * @param batchId the batch
     * @param points  its number of points (-1 if unknown)
     * @param message why no point of it could run
     * @return the envelope
     */
    public static ResultEnvelope failure(String batchId, int points, String message) {
        return new ResultEnvelope(batchId, false, points, points, message.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the failure message (for a failed batch) */
    public String message() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /**
     * @param signer the cluster's key
     * @return the signed bytes
     */
    public byte[] seal(Signer signer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeUTF(batchId);
            out.writeBoolean(ok);
            out.writeInt(points);
            out.writeInt(failed);
            out.writeInt(payload.length);
            out.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return signer.append(bytes.toByteArray());
    }

    /**
     * @param batchId the id it was stored under
     * @param bytes   the stored bytes
     * @param signer  the cluster's key
     * @return the envelope
     * @throws SecurityException if it is not signed with the secret, damaged, or for another batch
     */
    public static ResultEnvelope open(String batchId, byte[] bytes, Signer signer) {
        if (!signer.verify(bytes)) {
            throw new SecurityException("Result of " + batchId + " is not signed with this cluster's secret");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - Signer.LENGTH))) {
            if (in.readInt() != MAGIC || !in.readUTF().equals(batchId)) {
                throw new SecurityException("Result stored as " + batchId + " is not that batch's result");
            }
            boolean ok = in.readBoolean();
            int points = in.readInt();
            int failed = in.readInt();
            byte[] payload = new byte[in.readInt()];
            in.readFully(payload);
            return new ResultEnvelope(batchId, ok, points, failed, payload);
        } catch (IOException e) {
            throw new SecurityException("Result of " + batchId + " is damaged: " + e, e);
        }
    }
}
