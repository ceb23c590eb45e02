package io.mecmig.testbed.exec;

import java.time.Duration;

/**
 * What a finished command did.
 *
 * @param command  the command that ran
 * @param exitCode its exit status
 * @param stdout   everything it wrote to standard output
 * @param stderr   everything it wrote to standard error
 * @param took     how long it ran
 */
public record CommandResult(Command command, int exitCode, String stdout, String stderr, Duration took) {

    /** True when the command exited with status 0. */
    public boolean ok() {
        return exitCode == 0;
    }

    /**
     * This result when the command succeeded.
     *
     * @throws CommandFailedException naming the command, its exit status and its stderr otherwise
     */
    public CommandResult requireOk() {
        if (!ok()) {
            throw CommandFailedException.exited(this);
        }
        return this;
    }
}
