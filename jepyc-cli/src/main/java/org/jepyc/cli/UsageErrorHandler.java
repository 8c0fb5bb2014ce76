package org.jepyc.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * A usage error (a missing argument, an unknown option, arguments that do not fit together):
 * the problem in one line, where to find the usage, and exit status 2, from every command.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
    /** The exit status of a usage error. */
    static final int USAGE = 2;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("jepyc: " + message(ex, cl));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);    // "Did you mean: jepyc show?"
        err.println("Usage: " + cl.getHelp().synopsis(0).strip() + " (see '" + cl.getCommandSpec().qualifiedName(" ") + " --help')");
        err.flush();
        return USAGE;
    }

    /** An unknown word where a command group expects a command is named as such, not by its index. */
    private static String message(ParameterException ex, CommandLine cl) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !cl.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return "'" + u.getUnmatched().get(0) + "' is not a " + cl.getCommandSpec().qualifiedName(" ") + " command";
        }
        return ex.getMessage();
    }

    /**
     * @param spec    the command
     * @param message what is wrong with its arguments and how to write them
     * @return a usage error for the command to throw
     */
    static ParameterException usage(CommandLine.Model.CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
