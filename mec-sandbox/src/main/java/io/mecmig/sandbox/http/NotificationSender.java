package io.mecmig.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs notifications to subscribers' callbacks off the tick thread; a dead callback never stalls the clock.
 * Each callback URL gets its notifications one at a time, in the order they were produced (a subscriber must
 * see {@code Leaving} the old zone before {@code Entering} the new one, and tick after tick); different URLs
 * are served in parallel.
 */
final class NotificationSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** Notifications waiting for one callback; past this a slow or dead callback loses the newest ones. */
    static final int MAX_QUEUED_PER_URL = 1000;
    /** Tries per notification when the connection fails (not on a timeout or an HTTP error status). */
    private static final int ATTEMPTS = 3;

    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "mec-sandbox-notify");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).executor(executor).build();
    /** Per callback URL: the last notification queued, and how many are queued. Guarded by {@code this}. */
    private final Map<String, Queue> queues = new HashMap<>();

    private static final class Queue {
        CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
        int queued;
    }

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
        synchronized (this) {
            Queue q = queues.computeIfAbsent(url, u -> new Queue());
            if (q.queued >= MAX_QUEUED_PER_URL) {
                LOG.warn("notification to {} dropped: {} are still waiting for it to answer", url, q.queued);
                return;
            }
            q.queued++;
            q.tail = q.tail.thenCompose(v -> send(url, request)).whenComplete((v, e) -> done(url, q));
        }
    }

    /**
     * Sends one notification, again if a try failed on the connection (a callback server that closed an idle
     * keep-alive connection makes the client's reused connection fail before the request was read).
     * The future always completes normally, so one failure never blocks the next notification.
     */
    private CompletableFuture<Void> send(String url, HttpRequest request) {
        return attempt(request, ATTEMPTS).thenAccept(outcome -> {
                    if (outcome instanceof Throwable e) {
                        LOG.info("notification to {} failed: {}", url, e.toString());
                    } else if (outcome instanceof Integer status && status >= 300) {
                        LOG.info("notification to {} answered {}", url, status);
                    }
                });
    }

    /**
     * The POST, tried up to {@code left} times while it fails on the connection (each failure can use up one
     * stale pooled connection): its status code, or the exception that ended it (never completes exceptionally).
     */
    private CompletableFuture<Object> attempt(HttpRequest request, int left) {
        CompletableFuture<Object> once;
        try {
            once = client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((r, e) -> e == null ? (Object) r.statusCode() : unwrap(e));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(e);
        }
        return once.thenCompose(outcome -> left > 1 && outcome instanceof IOException && !(outcome instanceof HttpTimeoutException)
                ? attempt(request, left - 1) : CompletableFuture.completedFuture(outcome));
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private synchronized void done(String url, Queue q) {
        if (--q.queued == 0 && queues.get(url) == q) {
            queues.remove(url);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
