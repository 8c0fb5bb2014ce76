package org.jepyc.cluster.slurm;

/** A SLURM command failed or is missing; the message names the command and what it said. */
public final class SlurmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed and what to do @param cause the underlying failure, or null */
    public SlurmException(String message, Throwable cause) {
        super(message, cause);
    }
}
