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
     * Runs a command line without exiting, writing to standard output and standard error.
     *
     * @param args the command line
     * @return the exit status: 0 success, 1 user error, 2 usage error
     */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The {@code jepyc} command with its error handling, writing through picocli's writers (so a
     * test can give it writers of its own with {@link CommandLine#setOut} and {@link CommandLine#setErr}).
     *
     * @return a command line ready to execute
     */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new JepycCommand());
        cl.setExecutionExceptionHandler(new ErrorHandler()).setParameterExceptionHandler(new UsageErrorHandler());
        cl.getSubcommands().get("run").setStopAtPositional(true);   // after SOURCE, every argument is the program's
        cl.getSubcommands().get("shell").setStopAtPositional(true).setUnmatchedOptionsArePositionalParams(true); // jshell's
        return cl;
    }
}
