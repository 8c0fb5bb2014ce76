package org.jepyc.cluster.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jepyc.LabNotebook;
import org.jepyc.ResultsDict;
import org.jepyc.cluster.protocol.Names;
import org.jepyc.cluster.protocol.PayloadCodec;
import org.jepyc.cluster.protocol.ResultEnvelope;
import org.jepyc.cluster.protocol.Rows;
import org.jepyc.cluster.protocol.Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of collecting: every pending job of the notebook (all result sets) whose batch has
 * finished is resolved into the set that holds it. A result is accepted only for a job still
 * pending, so a batch that ran twice (its first worker died after all) lands once. Pending jobs
 * whose batch the cluster knows nowhere are reported lost; the check is made in the order that
 * the workers write (result stored before the batch's state is removed), so a batch finishing
 * during the pass is never mistaken for a lost one.
 */
public final class ResultCollector {
    private static final Logger LOG = LoggerFactory.getLogger(ResultCollector.class);
    private final JobClient client;
    private final Signer signer;
    private final PayloadCodec codec;

    /**
     * @param client the cluster
     * @param signer its key
     * @param codec  how to read results
     */
    public ResultCollector(JobClient client, Signer signer, PayloadCodec codec) {
        this.client = client;
        this.signer = signer;
        this.codec = codec;
    }

    /**
     * @param nb       the notebook
     * @param resolved told of each result as it enters the notebook
     * @return what was found; the caller commits, then discards
     */
    public CollectionReport collect(LabNotebook nb, Consumer<ResultsDict> resolved) {
        Map<String, List<String>> byBatch = new LinkedHashMap<>();
        List<String> lost = new ArrayList<>();
        for (String job : nb.allPendingResults()) {
            String b = Names.batchOf(job);
            if (b == null) {
                lost.add(job);      // not a jepyc cluster job: nothing can ever collect it here
            } else {
                byBatch.computeIfAbsent(b, k -> new ArrayList<>()).add(job);
            }
        }
        Map<String, byte[]> found = new LinkedHashMap<>(client.results(byBatch.keySet()));
        Set<String> missing = new HashSet<>(byBatch.keySet());
        missing.removeAll(found.keySet());
        if (!missing.isEmpty()) {
            missing.removeAll(client.inFlight(missing));
            if (!missing.isEmpty()) {
                found.putAll(client.results(missing));     // finished between the two looks
                missing.removeAll(found.keySet());
                missing.forEach(b -> lost.addAll(byBatch.get(b)));
            }
        }
        int n = 0;
        List<String> crashed = new ArrayList<>();
        List<String> discard = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : found.entrySet()) {
            String batch = e.getKey();
            List<String> jobs = byBatch.get(batch);
            try {
                ResultEnvelope env = ResultEnvelope.open(batch, e.getValue(), signer);
                if (env.ok()) {
                    List<?> rows = codec.read(env.payload(), ArrayList.class);
                    for (String job : jobs) {
                        int i = Names.indexOf(job);
                        if (i < 0 || i >= rows.size() || !(rows.get(i) instanceof ResultsDict r)) {
                            throw new IllegalStateException("Result of " + batch + " has no row for " + job);
                        }
                        nb.resolvePendingResult(r, job);
                        resolved.accept(r);
                        n++;
                        LOG.debug("Job {} completed", job);
                    }
                } else {
                    for (String job : jobs) {
                        ResultsDict failed = Rows.failed(nb.pendingResultParameters(job), env.message(), "");
                        nb.resolvePendingResult(failed, job);
                        resolved.accept(failed);
                        n++;
                    }
                }
                discard.add(batch);
            } catch (SecurityException ex) {
                LOG.warn("Dropped a result: {}", ex.getMessage());
                discard.add(batch);
                lost.addAll(jobs);
            } catch (Exception ex) {
                LOG.warn("Cannot read the result of batch {} ({} jobs): {}", batch, jobs.size(), ex.toString());
                crashed.addAll(jobs);
            }
        }
        return new CollectionReport(n, lost, crashed, discard);
    }
}
