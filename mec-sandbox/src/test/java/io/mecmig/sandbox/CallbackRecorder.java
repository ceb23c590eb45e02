package io.mecmig.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real HTTP endpoint on 127.0.0.1 that records the notifications POSTed to it. */
final class CallbackRecorder implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpServer server;
    private final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

    CallbackRecorder() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            received.add(MAPPER.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Waits for {@code n} notifications (at most 5 s) and returns those that came. */
    List<JsonNode> await(int n) throws InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (out.size() < n && System.nanoTime() < deadline) {
            JsonNode j = received.poll(100, TimeUnit.MILLISECONDS);
            if (j != null) {
                out.add(j);
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
