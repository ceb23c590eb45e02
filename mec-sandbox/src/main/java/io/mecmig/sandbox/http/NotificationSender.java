package io.mecmig.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** POSTs notifications to subscribers' callbacks off the tick thread; a dead callback never stalls the clock. */
final class NotificationSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "mec-sandbox-notify");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).executor(executor).build();

    void post(String url, JsonNode body) {
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Content-Type", Json.APPLICATION_JSON)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        } catch (IllegalArgumentException e) {
            LOG.warn("cannot notify {}: {}", url, e.getMessage());
            return;
        }
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            if (e != null) {
                LOG.info("notification to {} failed: {}", url, e.toString());
            } else if (r.statusCode() >= 300) {
                LOG.info("notification to {} answered {}", url, r.statusCode());
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
