package io.mecmig.apps.common;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server every app runs on a port of its own: {@code GET /health} (is the app ready, plus a few facts
 * about its MEC connection) and {@code GET /state} (the app's state as JSON), and any app-specific routes.
 * Tests, the downtime probe and the viability check read these two endpoints.
 *
 * <p>It is the JDK's own HTTP server: an app restarted on another host answers {@code /health} as soon as its
 * JVM is up, without loading a web framework first (the readiness of a migrated app is most of its downtime).
 */
public final class StatusServer implements AutoCloseable {

    /** An app-specific route: its JSON answer to a GET or POST, from the request's query parameters. */
    @FunctionalInterface
    public interface Route {
        Object answer(Map<String, String> query);
    }

    /**
     * How many {@code /health} calls, each on a new connection, the server makes to itself once after it starts (see
     * {@link #warmUp}). A CRIU-restored app answers its first call 0.15-0.19 s after it resumes when the server had
     * never answered before the dump, 0.06-0.08 s after 50 to 300 such calls (ASW, restored in place; load 2-3).
     */
    static final int WARM_UP_CALLS = 200;
    /** When the self-calls start: after the app's first answers of a fresh start, so as not to compete with them. */
    static final Duration WARM_UP_DELAY = Duration.ofSeconds(1);

    /**
     * The JDK's server sends an answer's headers and its body in two writes with Nagle's algorithm on, so on a kept-alive
     * connection the body waits for the client's delayed ACK: 40-45 ms per request here, against 2-4 ms without it.
     * The JDK reads this property once, when its first server is made.
     */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private static final Logger LOG = LoggerFactory.getLogger(StatusServer.class);
    private static final byte[] HEALTH_REQUEST = ("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final ExecutorService workers;
    private volatile Thread warmUpThread;

    private StatusServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /**
     * Does, on a daemon thread, the one-time work of the first answer, while the app builds itself on the main thread:
     * the JDK's server formats every answer's Date header with day, month and time-zone names, and loading those
     * took about 70 ms at the first answer of a fresh JVM (the answer that ends a migrated app's downtime). Call it
     * first thing in {@code main}.
     */
    public static void warmUpInBackground() {
        Thread warmUp = new Thread(() -> {
            // The Date header's format in the JDK's server (sun.net.httpserver.ExchangeImpl).
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US).withZone(ZoneId.of("GMT"))
                    .format(Instant.now());
            Json.flat(Map.of("status", "UP"));
        }, "status-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * Starts the server on every address of the host.
     *
     * @param app    app name reported by {@code /health}
     * @param port   port to listen on (0 picks a free one)
     * @param health facts added to the {@code /health} answer (e.g. whether the MEC API answers)
     * @param state  the app's state, serialized as JSON by {@code /state}
     * @param routes app-specific routes by exact path (USPA's {@code /changePhase}); may be empty
     * @throws UncheckedIOException naming the port when it cannot be bound
     */
    public static StatusServer start(String app, int port, Supplier<Map<String, Object>> health,
                                     Supplier<Object> state, Map<String, Route> routes) {
        Map<String, Route> all = new LinkedHashMap<>(routes);
        all.put("/health", query -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("app", app);
            body.put("status", "UP");
            body.putAll(health.get());
            return body;
        });
        all.put("/state", query -> state.get());
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + " (" + e.getMessage()
                    + "): make sure no other process uses it, or set " + AppConfig.STATUS_PORT + " to a free one", e);
        }
        // Two workers: few threads keep the container's checkpoint small, and a slow /state (ASW asking
        // memcached) never holds up /health.
        ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, app + "-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", exchange -> answer(exchange, all));
        server.start();
        StatusServer status = new StatusServer(server, workers);
        status.warmUpAfter(WARM_UP_DELAY, WARM_UP_CALLS);
        return status;
    }

    /**
     * Calls this server's own {@code /health} {@code calls} times, one new loopback connection each, one after another:
     * the way a UE's first request takes (accept, the exchange, the route, the JSON, the answer) then runs on loaded,
     * linked and partly compiled code. It matters for an app that is checkpointed and restored elsewhere: its downtime
     * ends with the first answer after the restore, and a path that first runs there (class loading from the CDS
     * archive, resolution, the interpreter) shares the two cores with runc and CRIU finishing the restore. The JIT's
     * work travels in the checkpoint, so one warm-up per process start serves every later migration.
     *
     * @return how many calls were answered 200; stops at the first call that fails (the server closing)
     */
    int warmUp(int calls) {
        InetSocketAddress self = new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
        byte[] buffer = new byte[512];
        int answered = 0;
        for (int i = 0; i < calls && !Thread.currentThread().isInterrupted(); i++) {
            try (Socket socket = new Socket()) {
                socket.connect(self, 1000);
                socket.setSoTimeout(2000);
                socket.getOutputStream().write(HEALTH_REQUEST);
                InputStream in = socket.getInputStream();
                int first = in.read(buffer);
                String status = first < 12 ? "" : new String(buffer, 0, 12, StandardCharsets.US_ASCII);
                while (in.read(buffer) >= 0) {
                    // the rest of the answer, to the server's close
                }
                if (!status.endsWith(" 200")) {
                    LOG.debug("warm-up call {} answered '{}'", i, status);
                    return answered;
                }
                answered++;
            } catch (IOException e) {
                LOG.debug("warm-up stopped after {} calls: {}", answered, e.toString());
                return answered;
            }
        }
        return answered;
    }

    /** Runs {@link #warmUp} once on a daemon thread after {@code delay}; the future gives its count. */
    CompletableFuture<Integer> warmUpAfter(Duration delay, int calls) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
                done.complete(warmUp(calls));
            } catch (InterruptedException e) {
                done.complete(0);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, "status-warm-up-calls");
        thread.setDaemon(true);
        warmUpThread = thread;
        thread.start();
        return done;
    }

    private static void answer(HttpExchange exchange, Map<String, Route> routes) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Route route = routes.get(exchange.getRequestURI().getPath());
            if (route == null) {
                send(exchange, 404, Map.of("error", "no route " + exchange.getRequestURI().getPath()
                        + ": try " + routes.keySet()));
            } else if (!method.equals("GET") && !method.equals("POST")) {
                send(exchange, 405, Map.of("error", "use GET or POST, not " + method));
            } else {
                Object body;
                try {
                    body = route.answer(query(exchange.getRequestURI().getRawQuery()));
                } catch (RuntimeException e) { // e.g. ASW's memcached not answering: say so, keep serving
                    LOG.debug("{} failed", exchange.getRequestURI(), e);
                    send(exchange, 503, Map.of("error", String.valueOf(e.getMessage())));
                    return;
                }
                send(exchange, 200, body);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        // A flat map (/health, errors) is written without Jackson: see Json.
        byte[] bytes = body instanceof Map<?, ?> map ? Json.flat(map).getBytes(StandardCharsets.UTF_8)
                : Json.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** {@code a=1&b=x%20y} as a map; a name without a value maps to the empty string. */
    static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    /** The port the server listens on (useful when started on port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        Thread warming = warmUpThread;
        if (warming != null) {
            warming.interrupt();
        }
        server.stop(0);
        workers.shutdownNow();
    }
}
