package io.mecmig.testbed.exec;

/** A command that could not start, ran too long, or exited with a non-zero status. */
public class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_STDERR = 2_000;

    private final transient CommandResult result;

    public CommandFailedException(String message, CommandResult result, Throwable cause) {
        super(message, cause);
        this.result = result;
    }

    /** The failure of a command that ran and exited with a non-zero status. */
    public static CommandFailedException exited(CommandResult result) {
        String stderr = tail(result.stderr().isBlank() ? result.stdout() : result.stderr());
        return new CommandFailedException("`" + result.command().display() + "` exited with status "
                + result.exitCode() + (stderr.isBlank() ? "" : ": " + stderr.strip()), result, null);
    }

    /** The result of the failed command, or {@code null} when it never ran to completion. */
    public CommandResult result() {
        return result;
    }

    static String tail(String text) {
        return text.length() <= MAX_STDERR ? text : "..." + text.substring(text.length() - MAX_STDERR);
    }
}
