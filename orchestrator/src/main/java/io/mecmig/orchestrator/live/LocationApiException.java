package io.mecmig.orchestrator.live;

/** The Location API could not be reached or answered with an error. */
public class LocationApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocationApiException(String message, Throwable cause) {
        super(message, cause);
    }

    public LocationApiException(String message) {
        super(message);
    }
}
