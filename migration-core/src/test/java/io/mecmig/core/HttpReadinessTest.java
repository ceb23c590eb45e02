package io.mecmig.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The plain HTTP/1.1 check, against the JDK's HTTP server (the apps' own). */
class HttpReadinessTest {

    private HttpServer server;
    private final Set<String> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger status = new AtomicInteger(200);

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private ServiceAddress serve(int port, byte[] body, boolean chunked) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/health", exchange -> {
            clients.add(exchange.getRemoteAddress().toString());
            exchange.sendResponseHeaders(status.get(), chunked ? 0 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return new ServiceAddress("127.0.0.1", server.getAddress().getPort());
    }

    @Test
    void twoHundredIsReadyAndOtherStatusesAreNot() throws Exception {
        ServiceAddress address = serve(0, "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8), false);
        Readiness check = Readiness.http("/health");

        assertThat(check.isReady(address)).isTrue();
        status.set(503);
        assertThat(check.isReady(address)).isFalse();
        status.set(204);
        assertThat(check.isReady(address)).isTrue();
    }

    @Test
    void checksReuseOneConnectionWhetherTheBodyIsSizedOrChunked() throws Exception {
        for (boolean chunked : new boolean[] {false, true}) {
            clients.clear();
            ServiceAddress address = serve(0, "x".repeat(5000).getBytes(StandardCharsets.UTF_8), chunked);
            Readiness check = Readiness.http("/health");
            for (int i = 0; i < 20; i++) {
                assertThat(check.isReady(address)).as("check %d, chunked %s", i, chunked).isTrue();
            }
            assertThat(clients).as("client ports, chunked " + chunked).hasSize(1);
            stop();
        }
    }

    @Test
    void anAppThatCameBackOnItsPortIsSeenAtOnceThoughTheKeptConnectionDied() throws Exception {
        ServiceAddress address = serve(0, "ok".getBytes(StandardCharsets.UTF_8), false);
        Readiness check = Readiness.http("/health");
        assertThat(check.isReady(address)).isTrue();
        server.stop(0);
        assertThat(check.isReady(address)).isFalse();

        serve(address.port(), "ok".getBytes(StandardCharsets.UTF_8), false); // restarted (or restored) in its place

        assertThat(check.isReady(address)).isTrue();
    }

    @Test
    void aGarbledAnswerIsNotReadyAndDoesNotThrow() throws Exception {
        try (ServerSocket garbled = new ServerSocket(0, 16, java.net.InetAddress.getByName("127.0.0.1"))) {
            Thread answer = new Thread(() -> {
                for (String reply : new String[] {"HTTP/1.1 2xx OK\r\n\r\n",
                        "HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\n"}) {
                    try (var s = garbled.accept()) {
                        s.getInputStream().read(new byte[512]);
                        s.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            answer.start();
            Readiness check = Readiness.http("/health");
            ServiceAddress address = new ServiceAddress("127.0.0.1", garbled.getLocalPort());

            assertThat(check.isReady(address)).isFalse();
            assertThat(check.isReady(address)).isFalse();
            answer.join();
        }
    }

    @Test
    void aRefusedPortIsNotReadyAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();

        assertThat(Readiness.http("/health").isReady(new ServiceAddress("127.0.0.1", port))).isFalse();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(250));
    }

    @Test
    void anAppThatAcceptsAndNeverAnswersIsNotReadyAfterTheTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ServerSocket frozen = new ServerSocket(0, 16, java.net.InetAddress.getByName("127.0.0.1"))) {
            Thread accept = new Thread(() -> {
                try (var s = frozen.accept()) {
                    release.await();
                } catch (IOException | InterruptedException e) {
                    // closed
                }
            });
            accept.start();
            Readiness check = new HttpReadiness("/health", Duration.ofMillis(300));

            assertThat(check.isReady(new ServiceAddress("127.0.0.1", frozen.getLocalPort()))).isFalse();
            release.countDown();
            accept.join();
        }
    }
}
