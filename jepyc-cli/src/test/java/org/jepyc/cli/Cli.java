package org.jepyc.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/**
 * Runs the {@code jepyc} command line in this JVM, built as {@link Main} builds it, with its
 * output and errors captured: the fast way to test what a command says and its exit status.
 * Paths must be absolute (a relative one would resolve against the test's working directory);
 * log lines go to the JVM's standard error, not into {@link Jepyc.Result#err()}.
 */
final class Cli {

    private Cli() { }

    /**
     * @param args the command line
     * @return what it did
     */
    static Jepyc.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        try {
            int exit = cl.execute(args);
            return new Jepyc.Result(exit, out.toString(), err.toString());
        } finally {
            Logging.debug(false);       // --debug lasts one command line, as in its own process
        }
    }
}
