package io.mecmig.docker.ssh;

import io.mecmig.core.MigrationException;

/** A remote command failed or could not be run; the message names the host, the command and its error output. */
public class RemoteCommandException extends MigrationException {

    private static final long serialVersionUID = 1L;

    public RemoteCommandException(String message) {
        super(message);
    }

    public RemoteCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
