package io.mecmig.core;

/**
 * The root of every error mecmig raises: unchecked, like docker-java's {@code DockerException}.
 * Each message says what failed, where, and how to fix it when the fix is known.
 */
public class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, where, and how to fix it */
    public MigrationException(String message) {
        super(message);
    }

    /**
     * @param message what failed, where, and how to fix it
     * @param cause   the underlying error
     */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
