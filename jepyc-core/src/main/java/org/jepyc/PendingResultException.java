package org.jepyc;

import java.util.NoSuchElementException;

/** A job id that is not pending was resolved or cancelled. */
public class PendingResultException extends NoSuchElementException {
    private static final long serialVersionUID = 1L;
    private final String jobId;

    /** @param jobId the unrecognised job id */
    public PendingResultException(String jobId) {
        super("Unrecognised pending result job identifier " + jobId);
        this.jobId = jobId;
    }

    /** @return the unrecognised job id */
    public String jobId() { return jobId; }
}
