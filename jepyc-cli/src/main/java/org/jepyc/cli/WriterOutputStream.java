package org.jepyc.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Bytes written as text to one of picocli's writers, for what draws on a {@link PrintStream}
 * (the progress bar): so that every command's output goes where the command line sends it.
 * Text reaches the writer at each flush; a {@code PrintStream} made by {@link #printStream}
 * flushes after every print, so each whole string arrives at once.
 */
final class WriterOutputStream extends OutputStream {
    private final PrintWriter writer;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private WriterOutputStream(PrintWriter writer) {
        this.writer = writer;
    }

    /**
     * @param writer where the text goes
     * @return a stream that prints, UTF-8 encoded, through the writer
     */
    static PrintStream printStream(PrintWriter writer) {
        return new PrintStream(new WriterOutputStream(writer), true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
        pending.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
    }

    @Override
    public void flush() {
        writer.print(pending.toString(StandardCharsets.UTF_8));
        pending.reset();
        writer.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
