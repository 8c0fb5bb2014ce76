package org.jepyc;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;

/**
 * A progress bar for the console: redrawn in place on a terminal, and plain lines (every 10%)
 * when the output is a file or a pipe. The library never installs it by itself; the command
 * line and the demo do, with {@link Lab#withProgress}.
 */
public final class ConsoleProgress implements ProgressListener {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final String label;
    private long lastDraw;
    private int lastDecile = -1;

    /**
     * @param label    what is running, shown before the bar
     * @param out      where to draw (typically {@code System.err})
     * @param terminal true to redraw one line in place; false for plain lines
     */
    public ConsoleProgress(String label, PrintStream out, boolean terminal) {
        this.label = Objects.requireNonNull(label, "label");
        this.out = Objects.requireNonNull(out, "out");
        this.terminal = terminal;
    }

    /**
     * @param label what is running
     * @return a bar on standard error, redrawn in place when there is a console
     */
    public static ConsoleProgress onStandardError(String label) {
        return new ConsoleProgress(label, System.err, System.console() != null);
    }

    @Override
    public void started(int total) {
        lastDraw = 0;
        lastDecile = -1;
        if (!terminal) {
            out.println(label + ": " + total + " points");
        }
    }

    @Override
    public void progress(Progress p) {
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDraw >= REDRAW_NANOS) {
                lastDraw = now;
                out.print("\r" + line(p));
                out.flush();
            }
        } else {
            int decile = (int) (p.fraction() * 10);
            if (decile != lastDecile && decile < 10) {
                lastDecile = decile;
                out.println(line(p));
            }
        }
    }

    @Override
    public void finished(Progress p) {
        out.print(terminal ? "\r" + line(p) + System.lineSeparator() : line(p) + System.lineSeparator());
        out.flush();
    }

    /**
     * @param p a progress state
     * @return the bar, counts and times as one line
     */
    String line(Progress p) {
        int filled = (int) Math.round(p.fraction() * WIDTH);
        StringBuilder b = new StringBuilder(label).append(" [");
        for (int i = 0; i < WIDTH; i++) {
            b.append(i < filled ? '#' : '.');
        }
        b.append("] ").append(p.done()).append('/').append(p.total());
        if (p.failed() > 0) {
            b.append(" (").append(p.failed()).append(" failed)");
        }
        b.append(" ").append(format(p.elapsed()));
        p.remaining().filter(r -> p.done() < p.total()).ifPresent(r -> b.append(", ").append(format(r)).append(" left"));
        return b.toString();
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
