package io.mecmig.core;

import java.time.Duration;

/** The app did not answer its readiness check in time. */
public class ReadinessTimeoutException extends MigrationException {

    private static final long serialVersionUID = 1L;

    /**
     * @param address where the app was probed
     * @param timeout how long it was given
     */
    public ReadinessTimeoutException(ServiceAddress address, Duration timeout) {
        super("the app at " + address + " was not ready after " + timeout.toMillis()
                + " ms: check its logs on that host, or raise AppSpec.readinessTimeout");
    }
}
