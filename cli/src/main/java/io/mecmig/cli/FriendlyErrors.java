package io.mecmig.cli;

import picocli.CommandLine;

/**
 * Prints a failed command's message (which names the problem and the fix) instead of a stack trace;
 * {@code MECMIG_DEBUG=1} brings the trace back.
 */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        if (System.getenv("MECMIG_DEBUG") != null) {
            ex.printStackTrace(cli.getErr());
        }
        String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
        cli.getErr().println("mecmig " + cli.getCommandName() + ": " + message);
        return 1;
    }
}
