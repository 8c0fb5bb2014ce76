package org.jepyc.jupyter;

import java.time.Duration;
import java.util.Objects;

import org.jepyc.ConsoleProgress;
import org.jepyc.Progress;
import org.jepyc.ProgressListener;
import org.rapaio.jupyter.kernel.global.Global;

/**
 * A progress listener for notebooks: one {@link ProgressLine} in the cell's output, updated in
 * place (Jupyter's {@code update_display_data}) as points finish, at most every
 * {@value #REDRAW_MILLIS} ms and once at the end.
 *
 * <pre>{@code
 * lab.withProgress(JupyterProgress.of("SIR sweep")).runExperiment(e);
 * }</pre>
 */
public final class JupyterProgress implements ProgressListener {
    /** The shortest time between two redraws: a notebook need not hear of every point. */
    public static final long REDRAW_MILLIS = 200;

    private final String label;
    private String displayId;
    private long lastDraw;

    private JupyterProgress(String label) {
        this.label = Objects.requireNonNull(label, "label");
    }

    /**
     * @param label what is running, shown before the counts
     * @return a line in the notebook when running in the jepyc kernel; a bar on standard error
     *         anywhere else (a program, a test), since only the kernel has a notebook to draw in
     */
    public static ProgressListener of(String label) {
        return inKernel() ? new JupyterProgress(label) : ConsoleProgress.onStandardError(label);
    }

    /** @return whether this JVM is the jepyc kernel (started from its kernel spec) */
    public static boolean inKernel() {
        return Boolean.getBoolean(KernelSpec.KERNEL_PROPERTY);
    }

    @Override
    public void started(int total) {
        displayId = Global.display(new ProgressLine(label, new Progress(0, 0, total, Duration.ZERO)));
        lastDraw = System.nanoTime();
    }

    @Override
    public void progress(Progress p) {
        long now = System.nanoTime();
        if (displayId != null && now - lastDraw >= REDRAW_MILLIS * 1_000_000L) {
            lastDraw = now;
            Global.updateDisplay(displayId, new ProgressLine(label, p));
        }
    }

    @Override
    public void finished(Progress p) {
        if (displayId == null) {
            displayId = Global.display(new ProgressLine(label, p));
        } else {
            Global.updateDisplay(displayId, new ProgressLine(label, p));
        }
    }
}
