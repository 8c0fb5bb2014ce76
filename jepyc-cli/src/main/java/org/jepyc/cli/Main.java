package org.jepyc.cli;

import picocli.CommandLine;

/** Entry point of the {@code jepyc} command: the only place that calls {@code System.exit}. */
public final class Main {

    private Main() { }

    /** @param args the command line */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs a command line without exiting, for tests.
     *
     * @param args the command line
     * @return the exit status: 0 success, 1 user error, 2 usage error
     */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new JepycCommand());
        cl.setExecutionExceptionHandler(new ErrorHandler()).setParameterExceptionHandler(new UsageErrorHandler());
        return cl.execute(args);
    }
}
