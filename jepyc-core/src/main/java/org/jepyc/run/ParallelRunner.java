package org.jepyc.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Runs the points of a configuration on worker threads, each with its own copy of the
 * experiment (a serialisable object the caller's {@link Task} runs), and hands the results to the calling thread in submission order as they come:
 * only the caller touches the notebook, so result sets need no locks, and workers never wait
 * for it. The caller collects what is ready every few milliseconds rather than being woken per
 * result. Workers take the next point from a shared counter, so there is no per-point task
 * object or queue node.
 *
 * <p>An {@link Error} in a worker (out of memory, say) or an interrupt of the caller stops the
 * run: workers finish the point they are on, every result already back is handed over, and then
 * the error (or a {@link CancellationException}) is thrown.
 */
public final class ParallelRunner {
    /**
     * How long the caller sleeps between handing results over. Workers do not wake it for each
     * result: with as many workers as cores, every wake-up of the caller takes a core from a
     * worker. Only in the tail of the run, when nothing is left to claim, is it woken at once.
     */
    private static final long CHECK_NANOS = 10_000_000L;

    private final int threads;

    /** @param threads the number of worker threads, at least 1 */
    public ParallelRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /**
     * Runs one point on a worker's copy of its experiment.
     *
     * @param <E> the type of experiment
     * @param <R> the type of result
     */
    @FunctionalInterface
    public interface Task<E, R> {
        /**
         * @param experiment the worker's own copy of the point's experiment
         * @param point      the point's position in the run
         * @return its result (never null)
         */
        R run(E experiment, int point);
    }

    /**
     * @param <E>         the type of experiment
     * @param <R>         the type of result
     * @param experiments the experiment of each point, in order (points may share one)
     * @param task        runs a point on a copy of its experiment
     * @param sink        receives each result, in the order of the points, on the calling thread
     */
    public <E extends Serializable, R> void run(List<? extends E> experiments, Task<E, R> task, Consumer<R> sink) {
        int n = experiments.size();
        ExperimentCopier<E> copier = new ExperimentCopier<>(experiments);
        int[] which = new int[n];
        for (int i = 0; i < n; i++) {
            which[i] = copier.indexOf(experiments.get(i));
        }

        AtomicReferenceArray<R> slots = new AtomicReferenceArray<>(n);
        AtomicInteger claimed = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = Thread.currentThread();
        Run<E, R> run = new Run<>(task, which, slots, claimed, failure, caller);

        List<Thread> workers = new ArrayList<>(threads);
        for (int t = 0; t < Math.min(threads, n); t++) {
            List<E> copies = copier.copies();
            Thread w = new Thread(() -> run.work(copies), "jepyc-worker-" + t);
            w.setDaemon(true);
            workers.add(w);
            run.active.incrementAndGet();
        }
        workers.forEach(Thread::start);
        try {
            drain(run, sink);
        } finally {
            run.stop = true;
            for (Thread w : workers) {
                joinQuietly(w);
            }
        }
    }

    private <R> void drain(Run<?, R> run, Consumer<R> sink) {
        int n = run.slots.length();
        for (int next = 0; next < n; ) {
            run.next = next;
            R r = run.slots.getAndSet(next, null);
            if (r != null) {
                sink.accept(r);
                next++;
                continue;
            }
            Throwable failed = run.failure.get();
            if (failed != null || Thread.currentThread().isInterrupted()) {
                run.stop = true;
                handOverStragglers(run, next, sink);
                if (failed instanceof Error err) {
                    throw err;
                }
                if (failed instanceof RuntimeException re) {
                    throw re;
                }
                throw new CancellationException("Interrupted after " + next + " of " + n
                        + " points: the results so far are in the notebook");
            }
            LockSupport.parkNanos(this, CHECK_NANOS);
        }
    }

    /** After a stop, hands over results that came back out of order, so none is lost. */
    private static <R> void handOverStragglers(Run<?, R> run, int from, Consumer<R> sink) {
        // the workers finish the points they are on; wait for those rather than lose them
        while (run.active.get() > 0) {
            LockSupport.parkNanos(1_000_000L);
        }
        for (int i = from; i < run.slots.length(); i++) {
            R r = run.slots.getAndSet(i, null);
            if (r != null) {
                sink.accept(r);
            }
        }
    }

    private static void joinQuietly(Thread w) {
        boolean interrupted = false;
        while (w.isAlive()) {
            try {
                w.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The state shared by the caller and the workers of one run. */
    private static final class Run<E, R> {
        final Task<E, R> task;
        final int[] which;
        final AtomicReferenceArray<R> slots;
        final AtomicInteger claimed;
        final AtomicReference<Throwable> failure;
        final AtomicInteger active = new AtomicInteger();
        final Thread caller;
        volatile int next;
        volatile boolean stop;

        Run(Task<E, R> task, int[] which, AtomicReferenceArray<R> slots,
            AtomicInteger claimed, AtomicReference<Throwable> failure, Thread caller) {
            this.task = task;
            this.which = which;
            this.slots = slots;
            this.claimed = claimed;
            this.failure = failure;
            this.caller = caller;
        }

        void work(List<E> copies) {
            try {
                int n = slots.length();
                for (int i = claimed.getAndIncrement(); i < n && !stop; i = claimed.getAndIncrement()) {
                    R r = task.run(copies.get(which[i]), i);
                    slots.set(i, r);
                    if (i == next && claimed.get() >= n) {
                        LockSupport.unpark(caller);
                    }
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
                stop = true;
                LockSupport.unpark(caller);
            } finally {
                active.decrementAndGet();
            }
        }
    }
}
