package io.mecmig.sandbox.scenario;

/** A scenario file or a UE selection that cannot be used; the message names the problem and the fix. */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
