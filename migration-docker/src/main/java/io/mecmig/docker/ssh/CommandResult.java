package io.mecmig.docker.ssh;

import java.time.Duration;

/**
 * How a remote command ended.
 *
 * @param command what ran
 * @param exitStatus its exit status; -1 if the channel closed without one (killed, connection lost)
 * @param stdout what it printed
 * @param stderr what it printed on standard error
 * @param duration from sending the command to its end
 */
public record CommandResult(RemoteCommand command, int exitStatus, String stdout, String stderr, Duration duration) {

    public boolean succeeded() {
        return exitStatus == 0;
    }
}
