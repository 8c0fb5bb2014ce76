package org.jepyc.cluster.protocol;

/** The names of the cluster's shared structures and member attributes. */
public final class Names {
    /** Batch id to signed task envelope; removed when the batch's result is stored. */
    public static final String TASKS = "jepyc.tasks";
    /** Batch id to {@link TaskState}; removed with the task. */
    public static final String STATE = "jepyc.state";
    /** Batch id to signed result envelope; removed by the client after it committed the results. */
    public static final String RESULTS = "jepyc.results";
    /** Batch ids waiting for a worker. */
    public static final String QUEUE = "jepyc.queue";
    /** Signed control messages (shutdown). */
    public static final String CONTROL = "jepyc.control";
    /** Member UUID to what the worker has run: {@code batches|points} (see {@link WorkerStats}). */
    public static final String WORKERS = "jepyc.workers";
    /** Member UUID to the {@link CodeManifest} of the worker's experiment class path. */
    public static final String CODE = "jepyc.code";
    /**
     * Code bundle name (SHA-256) to the signed {@link CodeBundle}: the classes submissions ship to
     * the workers. Kept for the cluster's life (a bundle is small, and shared by every task of a
     * submission and by later submissions of the same code).
     */
    public static final String BUNDLES = "jepyc.bundles";
    /** Member attribute: the number of experiments a worker runs at once. */
    public static final String THREADS_ATTRIBUTE = "jepyc.threads";
    /** Member attribute: the worker's process id. */
    public static final String PID_ATTRIBUTE = "jepyc.pid";
    /** Member attribute: {@link #HEAD_ROLE} on the head member (absent on workers). */
    public static final String ROLE_ATTRIBUTE = "jepyc.role";
    /** The head's role: it holds the cluster's data and runs no tasks. */
    public static final String HEAD_ROLE = "head";
    /** The head's settings for SLURM workers (key {@code target}: how many to keep alive). */
    public static final String SLURM = "jepyc.slurm";

    private Names() { }

    /**
     * @param batchId a batch
     * @param index   a point's position in it
     * @return the point's job id, as recorded in the notebook
     */
    public static String jobId(String batchId, int index) {
        return batchId + "/" + index;
    }

    /** @param jobId a job id @return its batch, or null if it is not a cluster job id */
    public static String batchOf(String jobId) {
        int slash = jobId.lastIndexOf('/');
        return slash > 0 && jobId.startsWith("jb-") ? jobId.substring(0, slash) : null;
    }

    /** @param jobId a job id @return its position in its batch, or -1 */
    public static int indexOf(String jobId) {
        int slash = jobId.lastIndexOf('/');
        try {
            return slash > 0 ? Integer.parseInt(jobId.substring(slash + 1)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** @return a fresh, globally unique batch id */
    public static String newBatchId() {
        return "jb-" + java.util.UUID.randomUUID();
    }
}
