package io.mecmig.apps.common;

/** A MEC API call that did not give a usable answer; the message says what failed and what to check. */
public final class MecApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its message and, optionally, its cause. */
    public MecApiException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception with its message. */
    public MecApiException(String message) {
        super(message);
    }
}
