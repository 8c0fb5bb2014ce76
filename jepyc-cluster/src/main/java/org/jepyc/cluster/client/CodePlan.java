package org.jepyc.cluster.client;

import java.util.Map;

import org.jepyc.cluster.protocol.CodeBundle;

/**
 * The code of a submission, as checked against the workers: the bundle of classes they lack
 * (and of the worker classes the experiment was checked against), and each worker's code
 * fingerprint, for provenance.
 *
 * @param bundle      what the submission ships ({@link CodeBundle#shipsNothing()} when the workers have it all)
 * @param workersCode each worker's {@code CodeManifest} fingerprint, by address
 */
public record CodePlan(CodeBundle bundle, Map<String, String> workersCode) {
    /** Copies. */
    public CodePlan {
        workersCode = Map.copyOf(workersCode);
    }
}
