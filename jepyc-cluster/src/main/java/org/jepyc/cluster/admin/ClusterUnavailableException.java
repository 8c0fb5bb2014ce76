package org.jepyc.cluster.admin;

/**
 * The cluster could not be reached after the allowed attempts. The message names the
 * connection file and the member addresses tried.
 */
public class ClusterUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was tried
     * @param cause   the last failure
     */
    public ClusterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
