package io.mecmig.apps.common;

import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server every app runs on a port of its own: {@code GET /health} (is the app ready, plus a few facts
 * about its MEC connection) and {@code GET /state} (the app's state as JSON), and any app-specific routes.
 * Tests, the downtime probe and the viability check read these two endpoints.
 */
public final class StatusServer implements AutoCloseable {

    private final Javalin javalin;

    private StatusServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /**
     * Starts the server.
     *
     * @param app    app name reported by {@code /health}
     * @param port   port to listen on (0 picks a free one)
     * @param health facts added to the {@code /health} answer (e.g. whether the MEC API answers)
     * @param state  the app's state, serialized as JSON by {@code /state}
     * @param routes app-specific routes (USPA's {@code /changePhase}); may do nothing
     */
    public static StatusServer start(String app, int port, Supplier<Map<String, Object>> health,
                                     Supplier<Object> state, Consumer<Javalin> routes) {
        Javalin javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            // A small pool keeps the container's RSS and thread count (and so its checkpoint) small.
            config.jetty.threadPool = new QueuedThreadPool(8, 2, 60_000);
        });
        javalin.get("/health", ctx -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("app", app);
            body.put("status", "UP");
            body.putAll(health.get());
            ctx.json(body);
        });
        javalin.get("/state", ctx -> {
            try {
                ctx.json(state.get());
            } catch (RuntimeException e) { // e.g. ASW's memcached not answering: say so, keep serving
                ctx.status(503).json(Map.of("error", String.valueOf(e.getMessage())));
            }
        });
        routes.accept(javalin);
        javalin.start(port);
        return new StatusServer(javalin);
    }

    /** The port the server listens on (useful when started on port 0). */
    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
