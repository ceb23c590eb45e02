package io.mecmig.core;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Tells a migration-aware app (the paper's USPA, Algorithm 1) that relocation starts or ended, through
 * its phase endpoint: {@code ?inMigration=1} to enter migration mode, no flag to leave it.
 */
public final class PhaseSignal {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private PhaseSignal() {
    }

    /**
     * Sends the phase to {@code app} at {@code address}; does nothing for apps without a phase endpoint.
     *
     * @param app the app
     * @param address where it answers
     * @param inMigration true on entering relocation, false on leaving it
     */
    public static void send(AppSpec app, ServiceAddress address, boolean inMigration) {
        if (app.phaseEndpoint().isEmpty()) {
            return;
        }
        String path = app.phaseEndpoint().get() + (inMigration ? "?inMigration=1" : "");
        HttpRequest request = HttpRequest.newBuilder(address.http(path)).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            int status = CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                throw new MigrationException("the app at " + address + " answered " + status + " to " + path
                        + ": check that its phase endpoint is " + app.phaseEndpoint().get());
            }
        } catch (IOException e) {
            throw new MigrationException("could not tell the app at " + address + " the phase (" + path + "): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while telling the app the phase", e);
        }
    }
}
