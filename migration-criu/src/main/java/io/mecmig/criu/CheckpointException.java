package io.mecmig.criu;

import io.mecmig.core.MigrationException;

/** A checkpoint, transfer of checkpoint images or restore failed; the message says where and what to fix. */
public class CheckpointException extends MigrationException {

    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
