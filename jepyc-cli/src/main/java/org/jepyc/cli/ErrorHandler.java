package org.jepyc.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into one line on stderr and exit status 1 (a stack trace with
 * --debug); a {@link UsageException} is a usage error, exit status 2.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        if (ex instanceof UsageException) {
            return new UsageErrorHandler().handleParseException(new CommandLine.ParameterException(cl, ex.getMessage(), ex), null);
        }
        if (Logging.isDebug()) {
            ex.printStackTrace(cl.getErr());
        } else {
            String msg = ex instanceof org.jepyc.LabNotebookLockedException
                    ? "The notebook is locked (finished) or read-only, so it cannot change: copy what you need into a new "
                    + "notebook with jepyc copy"
                    : ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            cl.getErr().println("jepyc: " + msg);
        }
        return 1;
    }
}
