package io.mecmig.apps.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StatusServerTest {

    private static HttpResponse<String> call(StatusServer server, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersHealthStateAndItsRoutesAsJsonAndSaysWhatIsMissing() throws Exception {
        try (StatusServer server = StatusServer.start("demo", 0, () -> Map.of("mecReachable", true),
                () -> Map.of("counter", 3), Map.of("/echo", query -> Map.of("got", query)))) {
            HttpResponse<String> health = call(server, "GET", "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(health.body()).isEqualTo("{\"app\":\"demo\",\"status\":\"UP\",\"mecReachable\":true}");
            assertThat(call(server, "GET", "/state").body()).isEqualTo("{\"counter\":3}");
            assertThat(call(server, "POST", "/echo?inMigration=1&x=a%20b&flag").body())
                    .isEqualTo("{\"got\":{\"inMigration\":\"1\",\"x\":\"a b\",\"flag\":\"\"}}");
            HttpResponse<String> missing = call(server, "GET", "/healthz");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("/health");
            assertThat(call(server, "DELETE", "/state").statusCode()).isEqualTo(405);
        }
    }

    @Test
    void answersOnAKeptAliveConnectionWithoutWaitingForTheDelayedAck() throws Exception {
        try (StatusServer server = StatusServer.start("demo", 0, Map::of, Map::of, Map.of());
                Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            keptAliveHealth(in, out); // the first answer includes the server's own warm-up
            int requests = 20;
            long start = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                keptAliveHealth(in, out);
            }
            // With Nagle's algorithm on, each body waits for the client's delayed ACK: at least 40 ms (Linux's minimum).
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(40L * requests));
        }
    }

    /** One GET /health on the same connection; returns once the whole answer (its Content-Length) is read. */
    private static void keptAliveHealth(InputStream in, OutputStream out) throws Exception {
        out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int length = -1;
        for (String line = headerLine(in); !line.isEmpty(); line = headerLine(in)) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        assertThat(length).isPositive();
        assertThat(in.readNBytes(length)).hasSize(length);
    }

    private static String headerLine(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            assertThat(c).as("the connection closed inside the answer").isNotNegative();
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Test
    void aFailingStateAnswers503WithTheReasonAndTheServerGoesOn() throws Exception {
        try (StatusServer server = StatusServer.start("demo", 0, Map::of, () -> {
            throw new IllegalStateException("memcached at 127.0.0.1:11211 does not answer");
        }, Map.of())) {
            HttpResponse<String> state = call(server, "GET", "/state");
            assertThat(state.statusCode()).isEqualTo(503);
            assertThat(state.body()).contains("memcached at 127.0.0.1:11211 does not answer");
            assertThat(call(server, "GET", "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void warmUpCallsItsOwnHealthOnNewConnectionsAndCountsTheAnswers() throws Exception {
        AtomicInteger healthCalls = new AtomicInteger();
        try (StatusServer server = StatusServer.start("demo", 0, () -> {
            healthCalls.incrementAndGet();
            return Map.of();
        }, Map::of, Map.of())) {
            assertThat(server.warmUpAfter(Duration.ZERO, 25).get(20, TimeUnit.SECONDS)).isEqualTo(25);
            assertThat(healthCalls.get()).isGreaterThanOrEqualTo(25);
        }
    }

    @Test
    void startWarmsUpOnceAfterItsDelay() throws Exception {
        AtomicInteger healthCalls = new AtomicInteger();
        try (StatusServer server = StatusServer.start("demo", 0, () -> {
            healthCalls.incrementAndGet();
            return Map.of();
        }, Map::of, Map.of())) {
            assertThat(healthCalls.get()).isZero();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (healthCalls.get() < StatusServer.WARM_UP_CALLS && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(healthCalls.get()).isEqualTo(StatusServer.WARM_UP_CALLS);
            assertThat(call(server, "GET", "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void warmUpOfAClosedServerStopsAtTheFirstFailedCall() {
        StatusServer server = StatusServer.start("demo", 0, Map::of, Map::of, Map.of());
        server.close();
        assertThat(server.warmUp(5)).isZero();
    }
}
