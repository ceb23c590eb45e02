package io.mecmig.orchestrator.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator's callback endpoint for Location API subscriptions: a small HTTP server that accepts
 * {@code zonalPresenceNotification}s on {@code POST /notifications} and hands each to a consumer.
 */
public final class NotificationReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationReceiver.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String advertisedHost;

    private NotificationReceiver(HttpServer server, String advertisedHost) {
        this.server = server;
        this.advertisedHost = advertisedHost;
    }

    /**
     * Starts listening on {@code bindAddress} (port chosen freely).
     *
     * @param advertisedHost the address the MEC platform reaches us at (put in the notify URL)
     */
    public static NotificationReceiver start(String bindAddress, String advertisedHost, Consumer<ZoneNotice> consumer) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, 0), 0);
            server.createContext("/notifications", exchange -> handle(exchange, consumer));
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "orchestrator-notifications");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return new NotificationReceiver(server, advertisedHost);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for Location API notifications on " + bindAddress
                    + ": " + e.getMessage(), e);
        }
    }

    /** The URL to give as {@code callbackReference.notifyURL}. */
    public String notifyUrl() {
        return "http://" + advertisedHost + ":" + server.getAddress().getPort() + "/notifications";
    }

    private static void handle(HttpExchange exchange, Consumer<ZoneNotice> consumer) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            JsonNode n = JSON.readTree(in).path("zonalPresenceNotification");
            if (n.isMissingNode()) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.sendResponseHeaders(204, -1);
            String address = n.path("address").asText();
            consumer.accept(new ZoneNotice(address.startsWith("acr:") ? address.substring(4) : address,
                    n.path("zoneId").asText(), n.path("userEventType").asText(), n.path("currentAccessPointId").asText()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("a Location API notification could not be handled: {}", e.toString());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
