package io.mecmig.apps.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
