package io.mecmig.apps.uspa;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.apps.common.AppConfig;
import io.mecmig.sandbox.MecSandbox;
import io.mecmig.sandbox.mobility.UeSelection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** USPA against the embedded sandbox, in-process: the counter follows the UE's zone changes and survives a restart. */
class UspaAppSandboxTest {

    @TempDir
    Path root;

    @Test
    void countsEveryZoneChangeOfTheUeAndRestoresTheCounterFromTheVolume() throws Exception {
        try (MecSandbox sandbox = MecSandbox.builder().sandboxName("sbx").bindAddress("127.0.0.1").port(0)
                .ues(UeSelection.counts(0, 0, 1)).paused().start()) {
            String ue = sandbox.control().snapshot().ues().get(0).id();
            AppConfig config = new AppConfig(sandbox.baseUrl() + "/", Duration.ofMillis(20), 0, Optional.of(ue),
                    root.resolve("volume"), root.resolve("container-log"), "unused");
            int changes = 0;
            String zone = null;
            try (UspaApp app = UspaApp.start(config)) {
                awaitZone(app, sandbox.control().snapshot().ue(ue).orElseThrow().zoneId());
                zone = sandbox.control().snapshot().ue(ue).orElseThrow().zoneId();
                for (int tick = 0; tick < 3000 && changes < 3; tick++) {
                    sandbox.control().step(1);
                    String now = sandbox.control().snapshot().ue(ue).orElseThrow().zoneId();
                    if (now != null && !now.equals(zone)) {
                        changes++;
                        zone = now;
                        awaitZone(app, zone);
                    }
                }
                assertThat(changes).as("zone changes of the fast UE in 3000 ticks").isEqualTo(3);
                assertThat(app.state()).containsEntry("counter", 3L).containsEntry("zone", zone);
                assertThat(Files.readString(root.resolve("volume/state.json")))
                        .isEqualTo("{\"counter\":3,\"zone\":\"" + zone + "\"}");
            }
            try (UspaApp restarted = UspaApp.start(config)) {
                assertThat(restarted.state()).containsEntry("counter", 3L).containsEntry("zone", zone);
            }
        }
    }

    @Test
    void changePhaseMovesRuntimeDataFromTheContainerFilesystemToTheVolume() throws Exception {
        try (MecSandbox sandbox = MecSandbox.builder().sandboxName("sbx").bindAddress("127.0.0.1").port(0)
                .ues(UeSelection.counts(0, 0, 1)).paused().start()) {
            AppConfig config = new AppConfig(sandbox.baseUrl() + "/", Duration.ofMillis(20), 0, Optional.empty(),
                    root.resolve("volume"), root.resolve("container-log"), "unused");
            try (UspaApp app = UspaApp.start(config)) {
                Path containerLog = root.resolve("container-log/runtime.log");
                Path volumeData = root.resolve("volume/runtimedata.dat");
                await(() -> Files.exists(containerLog));

                String answer = get(app, "/changePhase?inMigration=1");
                assertThat(answer).contains("\"phase\":\"MIGRATION\"");
                long frozenSize = Files.size(containerLog);
                await(() -> size(volumeData) > 200);
                assertThat(Files.size(containerLog)).as("no write to the container filesystem in migration").isEqualTo(frozenSize);

                assertThat(get(app, "/changePhase")).contains("\"phase\":\"NORMAL\"");
                await(() -> size(containerLog) > frozenSize);
                assertThat(get(app, "/health")).contains("\"status\":\"UP\"", "\"phase\":\"NORMAL\"", "\"mecReachable\":true");
            }
        }
    }

    @Test
    void keepsTryingWhileThePlatformIsDownKeepsItsCounterAndCountsOnWhenItComesUp() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path volume = Files.createDirectories(root.resolve("volume"));
        Files.writeString(volume.resolve("state.json"), "{\"counter\":2,\"zone\":\"zone-before-the-outage\"}");
        AppConfig config = new AppConfig("http://127.0.0.1:" + port + "/sbx/", Duration.ofMillis(20), 0, Optional.empty(),
                volume, root.resolve("container-log"), "unused");
        try (UspaApp app = UspaApp.start(config)) {
            Thread.sleep(500); // about 25 polls, every one refused
            assertThat(get(app, "/health")).contains("\"status\":\"UP\"", "\"mecReachable\":false");
            assertThat(app.state()).containsEntry("counter", 2L).containsEntry("zone", "zone-before-the-outage");

            try (MecSandbox sandbox = MecSandbox.builder().sandboxName("sbx").bindAddress("127.0.0.1").port(port)
                    .ues(UeSelection.counts(0, 0, 1)).paused().start()) {
                String zone = sandbox.control().snapshot().ues().get(0).zoneId();
                assertThat(zone).as("the UE's zone at start").isNotEmpty();
                awaitZone(app, zone);
                assertThat(app.state()).containsEntry("counter", 3L);
                assertThat(Files.readString(volume.resolve("state.json"))).isEqualTo("{\"counter\":3,\"zone\":\"" + zone + "\"}");
                await(() -> size(root.resolve("container-log/runtime.log")) > 0);
                assertThat(get(app, "/health")).contains("\"mecReachable\":true");
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static String get(UspaApp app, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.statusPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void awaitZone(UspaApp app, String zone) throws InterruptedException {
        await(() -> Objects.equals(app.state().get("zone"), zone));
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(10);
        }
    }
}
