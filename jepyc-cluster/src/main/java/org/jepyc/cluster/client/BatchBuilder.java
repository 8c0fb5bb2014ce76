package org.jepyc.cluster.client;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jepyc.Experiment;
import org.jepyc.ExperimentalConfiguration;
import org.jepyc.cluster.protocol.Names;
import org.jepyc.cluster.protocol.PayloadCodec;
import org.jepyc.cluster.protocol.Signer;
import org.jepyc.cluster.protocol.TaskEnvelope;
import org.jepyc.cluster.protocol.TaskPayload;

/**
 * Cuts a run's points into signed batches, keeping the design's (random) order. Each distinct
 * experiment is serialised once per call, and every batch names the code bundle it needs.
 */
public final class BatchBuilder {
    /** The largest automatic batch. */
    public static final int MAX_BATCH = 256;
    private final Signer signer;
    private final String bundle;

    /** @param signer the cluster's key */
    public BatchBuilder(Signer signer) {
        this(signer, null);
    }

    /**
     * @param signer the cluster's key
     * @param bundle the name of the code bundle the experiments need, or null if the workers have every class
     */
    public BatchBuilder(Signer signer, String bundle) {
        this.signer = signer;
        this.bundle = bundle;
    }

    /**
     * About eight batches per engine, so that work spreads evenly and partial results come
     * early, but few enough that 100,000 points are a few hundred tasks.
     *
     * @param points  points to run
     * @param engines experiments the cluster runs at once
     * @return points per batch
     */
    public static int automaticSize(int points, int engines) {
        int per = (int) Math.ceil(points / (8.0 * Math.max(1, engines)));
        return Math.max(1, Math.min(MAX_BATCH, per));
    }

    /**
     * @param eps  the points
     * @param size points per batch
     * @return the batches
     * @throws IllegalArgumentException if an experiment cannot be serialised
     */
    public List<Batch> build(List<ExperimentalConfiguration> eps, int size) {
        Map<Experiment, byte[]> serialised = new IdentityHashMap<>();
        List<Batch> out = new ArrayList<>();
        for (int from = 0; from < eps.size(); from += size) {
            List<ExperimentalConfiguration> part = eps.subList(from, Math.min(eps.size(), from + size));
            Map<Experiment, Integer> index = new IdentityHashMap<>();
            List<byte[]> distinct = new ArrayList<>();
            int[] of = new int[part.size()];
            List<Map<String, Object>> points = new ArrayList<>(part.size());
            for (int i = 0; i < part.size(); i++) {
                Experiment e = part.get(i).experiment();
                Integer k = index.get(e);
                if (k == null) {
                    k = distinct.size();
                    index.put(e, k);
                    distinct.add(serialised.computeIfAbsent(e, PayloadCodec::write));
                }
                of[i] = k;
                points.add(part.get(i).parameters());
            }
            out.add(batch(distinct, of, points));
        }
        return out;
    }

    /**
     * Batches for points of one experiment already serialised (as a notebook stores it), so
     * that a process can resubmit them without loading the experiment's classes.
     *
     * @param experiment the serialised experiment
     * @param points     the points' parameters
     * @param size       points per batch
     * @return the batches
     */
    public List<Batch> build(byte[] experiment, List<Map<String, Object>> points, int size) {
        List<Batch> out = new ArrayList<>();
        for (int from = 0; from < points.size(); from += size) {
            List<Map<String, Object>> part = new ArrayList<>(points.subList(from, Math.min(points.size(), from + size)));
            out.add(batch(List.of(experiment), new int[part.size()], part));
        }
        return out;
    }

    private Batch batch(List<byte[]> experiments, int[] of, List<Map<String, Object>> points) {
        String id = Names.newBatchId();
        byte[] payload = PayloadCodec.write(new TaskPayload(bundle, experiments, of, points));
        return new Batch(id, TaskEnvelope.seal(id, payload, signer), points);
    }
}
