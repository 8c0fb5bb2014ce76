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

/** Cuts a run's points into signed batches, keeping the design's (random) order. */
public final class BatchBuilder {
    /** The largest automatic batch. */
    public static final int MAX_BATCH = 256;
    private final Signer signer;

    /** @param signer the cluster's key */
    public BatchBuilder(Signer signer) {
        this.signer = signer;
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
        List<Batch> out = new ArrayList<>();
        for (int from = 0; from < eps.size(); from += size) {
            out.add(batch(eps.subList(from, Math.min(eps.size(), from + size))));
        }
        return out;
    }

    private Batch batch(List<ExperimentalConfiguration> eps) {
        Map<Experiment, Integer> index = new IdentityHashMap<>();
        List<Experiment> distinct = new ArrayList<>();
        int[] of = new int[eps.size()];
        List<Map<String, Object>> points = new ArrayList<>(eps.size());
        for (int i = 0; i < eps.size(); i++) {
            ExperimentalConfiguration c = eps.get(i);
            Integer k = index.get(c.experiment());
            if (k == null) {
                k = distinct.size();
                index.put(c.experiment(), k);
                distinct.add(c.experiment());
            }
            of[i] = k;
            points.add(c.parameters());
        }
        String id = Names.newBatchId();
        byte[] payload = PayloadCodec.write(new TaskPayload(distinct, of, points));
        return new Batch(id, TaskEnvelope.seal(id, payload, signer), points);
    }
}
