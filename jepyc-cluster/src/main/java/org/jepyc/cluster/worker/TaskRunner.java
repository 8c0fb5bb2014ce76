package org.jepyc.cluster.worker;

import java.io.InvalidClassException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;

import org.jepyc.Experiment;
import org.jepyc.ResultsDict;
import org.jepyc.cluster.protocol.PayloadCodec;
import org.jepyc.cluster.protocol.ResultEnvelope;
import org.jepyc.cluster.protocol.Rows;
import org.jepyc.cluster.protocol.Signer;
import org.jepyc.cluster.protocol.TaskEnvelope;
import org.jepyc.cluster.protocol.TaskPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one batch: checks its signature first (an unsigned or wrongly signed task is refused
 * and logged, and nothing of it is deserialised), reads the payload (JDK classes only), loads
 * the code bundle it names (checked in its turn before any of its classes is defined),
 * deserialises each experiment once through the allow-list and the bundle's classes, runs each
 * point as {@code experiment.set(point).run()} with the bundle's loader as the thread's context
 * loader, and returns the results. A batch that cannot be loaded (a class missing from the
 * workers' classpath or outside the allow-list, a refused bundle) becomes a failure that every
 * point's row reports.
 */
final class TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);
    private final Signer signer;
    private final PayloadCodec codec;
    private final BundleLoaders bundles;

    TaskRunner(Signer signer, PayloadCodec codec, BundleLoaders bundles) {
        this.signer = signer;
        this.codec = codec;
        this.bundles = bundles;
    }

    /**
     * @param batchId  the batch
     * @param envelope its stored bytes
     * @param points   its number of points, as its state says (for a batch that cannot be loaded)
     * @return the result to store, or null if the task was refused
     */
    ResultEnvelope run(String batchId, byte[] envelope, int points) {
        byte[] payload;
        try {
            payload = TaskEnvelope.open(batchId, envelope, signer);
        } catch (SecurityException e) {
            LOG.warn("{}", e.getMessage());
            return null;
        }
        TaskPayload task;
        PayloadCodec code;
        Experiment[] experiments;
        try {
            task = codec.read(payload, TaskPayload.class);
            code = task.bundle().isPresent() ? bundles.codec(task.bundle().get()) : codec;
            experiments = new Experiment[task.experiments()];
            for (int k = 0; k < experiments.length; k++) {
                experiments[k] = code.read(task.experimentBytes(k), Experiment.class);
            }
        } catch (SecurityException e) {
            return failure(batchId, points, e.getMessage());
        } catch (InvalidClassException e) {
            return failure(batchId, points, "The task holds a class the workers do not accept (" + e.getMessage()
                    + "): start the workers with --allow PACKAGE or --classpath JAR naming it");
        } catch (ClassNotFoundException e) {
            return failure(batchId, points, "Class " + e.getMessage() + " is not on the workers' classpath: start them with "
                    + "--classpath JARS holding the experiment classes");
        } catch (Exception | LinkageError e) {
            return failure(batchId, points, "The task cannot be loaded on the worker: " + e);
        }
        ArrayList<ResultsDict> out = new ArrayList<>(task.size());
        int failed = 0;
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(code.loader());
        try {
            for (int i = 0; i < task.size(); i++) {
                ResultsDict r;
                try {
                    r = Rows.portable(experiments[task.experimentOf(i)].set(task.point(i)).run());
                } catch (VirtualMachineError e) {
                    throw e;
                } catch (Throwable t) {
                    r = Rows.failed(task.point(i), String.valueOf(t.getMessage()), trace(t));
                }
                if (!r.success()) {
                    failed++;
                }
                out.add(r);
            }
        } finally {
            thread.setContextClassLoader(before);
        }
        try {
            return ResultEnvelope.results(batchId, task.size(), failed, PayloadCodec.write(out));
        } catch (RuntimeException e) {
            return failure(batchId, task.size(), "The results cannot be sent back: " + e.getMessage());
        }
    }

    private static ResultEnvelope failure(String batchId, int points, String message) {
        LOG.warn("Batch {} failed: {}", batchId, message);
        return ResultEnvelope.failure(batchId, points, message);
    }

    private static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
