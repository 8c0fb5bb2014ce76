package org.jepyc.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.jepyc.Experiment;
import org.jepyc.ExperimentalConfiguration;
import org.jepyc.ResultsDict;

/**
 * Runs the points of a configuration on worker threads, each with its own copy of the
 * experiment, and hands the results to the calling thread in submission order as they come:
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
     * @param points the points to run
     * @param sink   receives each result, in the order of {@code points}, on the calling thread
     */
    public void run(List<ExperimentalConfiguration> points, Consumer<ResultsDict> sink) {
        int n = points.size();
        List<Experiment> originals = new ArrayList<>(n);
        points.forEach(p -> originals.add(p.experiment()));
        ExperimentCopier copier = new ExperimentCopier(originals);
        int[] which = new int[n];
        for (int i = 0; i < n; i++) {
            which[i] = copier.indexOf(originals.get(i));
        }

        AtomicReferenceArray<ResultsDict> slots = new AtomicReferenceArray<>(n);
        AtomicInteger claimed = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = Thread.currentThread();
        Run run = new Run(points, which, slots, claimed, failure, caller);

        List<Thread> workers = new ArrayList<>(threads);
        for (int t = 0; t < Math.min(threads, n); t++) {
            List<Experiment> copies = copier.copies();
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

    private void drain(Run run, Consumer<ResultsDict> sink) {
        int n = run.slots.length();
        for (int next = 0; next < n; ) {
            run.next = next;
            ResultsDict r = run.slots.getAndSet(next, null);
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
    private static void handOverStragglers(Run run, int from, Consumer<ResultsDict> sink) {
        // the workers finish the points they are on; wait for those rather than lose them
        while (run.active.get() > 0) {
            LockSupport.parkNanos(1_000_000L);
        }
        for (int i = from; i < run.slots.length(); i++) {
            ResultsDict r = run.slots.getAndSet(i, null);
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
    private static final class Run {
        final List<ExperimentalConfiguration> points;
        final int[] which;
        final AtomicReferenceArray<ResultsDict> slots;
        final AtomicInteger claimed;
        final AtomicReference<Throwable> failure;
        final AtomicInteger active = new AtomicInteger();
        final Thread caller;
        volatile int next;
        volatile boolean stop;

        Run(List<ExperimentalConfiguration> points, int[] which, AtomicReferenceArray<ResultsDict> slots,
            AtomicInteger claimed, AtomicReference<Throwable> failure, Thread caller) {
            this.points = points;
            this.which = which;
            this.slots = slots;
            this.claimed = claimed;
            this.failure = failure;
            this.caller = caller;
        }

        void work(List<Experiment> copies) {
            try {
                int n = slots.length();
                for (int i = claimed.getAndIncrement(); i < n && !stop; i = claimed.getAndIncrement()) {
                    ResultsDict r = copies.get(which[i]).set(points.get(i).parameters()).run();
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
