package io.mecmig.apps.asw;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.apps.common.AppConfig;
import io.mecmig.sandbox.MecSandbox;
import io.mecmig.sandbox.mobility.UeSelection;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** ASW against the embedded sandbox in-process, with a real memcached (the host's /usr/bin/memcached). */
@Tag("docker")
class AswAppSandboxIT {

    @Test
    void memcachedHoldsEveryZoneTheUeVisitedWithItsPoas() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process memcached = new ProcessBuilder("memcached", "-u", "root", "-l", "127.0.0.1", "-p", String.valueOf(port), "-U", "0", "-m", "16")
                .redirectErrorStream(true).start();
        try (MecSandbox sandbox = MecSandbox.builder().sandboxName("sbx").bindAddress("127.0.0.1").port(0)
                .ues(UeSelection.counts(0, 0, 1)).paused().start()) {
            String ue = sandbox.control().snapshot().ues().get(0).id();
            AppConfig config = new AppConfig(sandbox.baseUrl() + "/", Duration.ofMillis(20), 0, Optional.of(ue),
                    Path.of("/nonexistent"), Path.of("/nonexistent"), "127.0.0.1:" + port);
            Set<String> visited = new LinkedHashSet<>();
            try (AswApp app = AswApp.start(config)) {
                for (int tick = 0; tick < 3000 && visited.size() < 3; tick++) {
                    String zone = sandbox.control().snapshot().ue(ue).orElseThrow().zoneId();
                    if (zone != null && visited.add(zone)) {
                        await(() -> zoneIds(app).contains(zone));
                    }
                    sandbox.control().step(1);
                }
                assertThat(visited).hasSize(3);
                assertThat(zoneIds(app)).containsExactlyElementsOf(visited);
            }
            // The state is memcached's, not the JVM's: a fresh reader sees every zone with its PoAs.
            try (ZoneStore store = new ZoneStore("127.0.0.1:" + port)) {
                List<ZoneInfo> zones = store.visited();
                assertThat(zones).extracting(ZoneInfo::zoneId).containsExactlyElementsOf(visited);
                for (ZoneInfo zone : zones) {
                    assertThat(zone.numberOfAccessPoints()).isPositive();
                    assertThat(zone.accessPointIds()).hasSize(zone.numberOfAccessPoints())
                            .containsExactlyInAnyOrderElementsOf(sandbox.control().scenario().zone(zone.zoneId()).orElseThrow()
                                    .pointsOfAccess().stream().map(poa -> poa.id()).toList());
                }
            }
        } finally {
            memcached.destroy();
            memcached.waitFor();
        }
    }

    @Test
    void keepsTryingWhileThePlatformIsDownAndStoresTheZoneOnceItComesUp() throws Exception {
        int memcachedPort = freePort();
        int platformPort = freePort();
        Process memcached = new ProcessBuilder("memcached", "-u", "root", "-l", "127.0.0.1", "-p", String.valueOf(memcachedPort),
                "-U", "0", "-m", "16").redirectErrorStream(true).start();
        AppConfig config = new AppConfig("http://127.0.0.1:" + platformPort + "/sbx/", Duration.ofMillis(20), 0, Optional.empty(),
                Path.of("/nonexistent"), Path.of("/nonexistent"), "127.0.0.1:" + memcachedPort);
        try (AswApp app = AswApp.start(config)) {
            Thread.sleep(500); // about 25 polls, every one refused
            java.net.http.HttpResponse<String> health = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.statusPort() + "/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"mecReachable\":false");
            assertThat(app.state()).containsEntry("count", 0);

            try (MecSandbox sandbox = MecSandbox.builder().sandboxName("sbx").bindAddress("127.0.0.1").port(platformPort)
                    .ues(UeSelection.counts(0, 0, 1)).paused().start()) {
                String zone = sandbox.control().snapshot().ues().get(0).zoneId();
                assertThat(zone).as("the UE's zone at start").isNotEmpty();
                await(() -> zoneIds(app).contains(zone));
                assertThat(zoneIds(app)).containsExactly(zone);
            }
        } finally {
            memcached.destroy();
            memcached.waitFor();
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> zoneIds(AswApp app) {
        return ((List<ZoneInfo>) app.state().get("visitedZones")).stream().map(ZoneInfo::zoneId).toList();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(10);
        }
    }
}
