package io.mecmig.testbed;

/** The testbed cannot be brought up, shaped or torn down; the message names the problem and the fix. */
public class TestbedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TestbedException(String message) {
        super(message);
    }

    public TestbedException(String message, Throwable cause) {
        super(message, cause);
    }
}
