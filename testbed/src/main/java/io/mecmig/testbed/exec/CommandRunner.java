package io.mecmig.testbed.exec;

import java.nio.file.Path;

/**
 * Runs system commands. The real implementation is {@link ProcessRunner}; unit tests use fakes that
 * answer scripted results, so the logic that decides what to run can be checked without root.
 */
public interface CommandRunner {

    /**
     * Runs a command to completion and returns what it did, whatever its exit status.
     *
     * @throws CommandFailedException when it cannot be started or exceeds its timeout (it is then killed)
     */
    CommandResult run(Command command);

    /**
     * Starts a long-running program (a daemon) in a new session, detached from this JVM and its
     * terminal, with standard output and error appended to {@code logFile}. Returns at once.
     *
     * @return the process id of the started program
     */
    long startDetached(Command command, Path logFile);

    /** Runs a command and returns its standard output; a non-zero exit status throws. */
    default String output(Command command) {
        return run(command).requireOk().stdout();
    }

    /** Runs a command that must succeed; a non-zero exit status throws. */
    default void require(Command command) {
        run(command).requireOk();
    }

    /** True when the command runs and exits with status 0 (a missing program counts as failure). */
    default boolean succeeds(Command command) {
        try {
            return run(command).ok();
        } catch (CommandFailedException e) {
            return false;
        }
    }
}
