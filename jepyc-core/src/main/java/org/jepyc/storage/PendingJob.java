package org.jepyc.storage;

import java.util.Map;
import java.util.Objects;

/**
 * A job submitted and not yet back, as a file stores it.
 *
 * @param jobId      the job's id
 * @param parameters its point, canonical values; a parameter the set learnt after the job was
 *                   submitted is missing here, and a file stores the zero of its column for it
 */
public record PendingJob(String jobId, Map<String, Object> parameters) {
    /** Copies the parameters (in order), so that the job cannot change once made. */
    public PendingJob {
        Objects.requireNonNull(jobId, "jobId");
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }
}
