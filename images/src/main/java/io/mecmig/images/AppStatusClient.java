package io.mecmig.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads a running app's status server ({@link AppImages#STATUS_PORT} inside its container, published wherever the
 * runner chose): {@code GET /health} (ready or not), {@code GET /state} (BA: last poll; USPA: counter and zone;
 * ASW: visited zones read back from memcached) and USPA's {@code /changePhase}.
 */
public final class AppStatusClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** A client of the status server at {@code base}, e.g. {@code http://127.0.0.1:32768}. */
    public AppStatusClient(URI base) {
        this.base = base;
    }

    /** The {@code /health} answer when the app answers 200, else empty (not up yet, or not reachable). */
    public Optional<JsonNode> health() {
        try {
            HttpResponse<String> response = get("/health");
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Waits until {@code /health} answers; returns how long that took, or fails after {@code timeout}. */
    public Duration awaitHealthy(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (health().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no answer from " + base + "/health within " + timeout.toSeconds()
                        + " s: check the container's logs (docker logs)");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + base + "/health", e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The app's state ({@code GET /state}). */
    public JsonNode state() {
        return call("/state");
    }

    /** USPA only: enters ({@code true}) or leaves the migration phase (paper's Algorithm 1). */
    public JsonNode changePhase(boolean inMigration) {
        return call(inMigration ? "/changePhase?inMigration=1" : "/changePhase");
    }

    private JsonNode call(String path) {
        try {
            HttpResponse<String> response = get(path);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + base + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + base + path + " failed (" + e + "): is the app running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + base + path, e);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
