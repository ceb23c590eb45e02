package io.mecmig.testbed.setup;

/** Setup cannot go on; the message names the problem and the fix. */
public class SetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SetupException(String message) {
        super(message);
    }

    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
