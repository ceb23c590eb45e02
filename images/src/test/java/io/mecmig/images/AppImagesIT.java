package io.mecmig.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mecmig.apps.asw.ZoneInfo;
import io.mecmig.apps.asw.ZoneStore;
import io.mecmig.sandbox.MecSandbox;
import io.mecmig.sandbox.mobility.UeSelection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The app images on a real Docker engine, against the embedded sandbox (in this JVM, listening on the engine's
 * bridge gateway, which the containers reach under the name {@code mec-gateway}). Prints each image's size, the
 * time from container start to the first {@code /health} answer, and the container's RSS.
 */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppImagesIT {

    private ImageBuilder builder;
    private List<BuiltImage> built;
    private MecSandbox sandbox;
    private String gateway;
    private String ue;

    @BeforeAll
    void buildImagesAndStartTheSandbox() {
        builder = ImageBuilder.on(AppContainer.ENGINE).projectHome(Path.of("..").toAbsolutePath().normalize())
                .progress(line -> System.out.println("[images] " + line)).build();
        built = builder.buildAll();
        gateway = BridgeGateway.of(new DockerEngine(AppContainer.ENGINE).client().inspectNetworkCmd()
                .withNetworkId("bridge").exec());
        sandbox = MecSandbox.builder().sandboxName("sbx").bindAddress(gateway).port(0)
                .ues(UeSelection.counts(0, 0, 1)).paused().start();
        ue = sandbox.control().snapshot().ues().get(0).id();
    }

    @AfterAll
    void stop() {
        sandbox.close();
        builder.close();
    }

    @Test
    void everyImageIsSmallerThanThePapersNodeJsImageAndARebuildReusesIt() {
        Map<String, Double> paperMegabytes = Map.of("ba", 111.82, "uspa", 112.14, "asw", 152.17);
        for (BuiltImage image : built) {
            System.out.printf("[figures] image %-9s %-28s %7.2f MB%n", image.name(), image.reference(), image.sizeMegabytes());
            if (paperMegabytes.containsKey(image.name())) {
                assertThat(image.sizeMegabytes()).as(image.name()).isLessThan(paperMegabytes.get(image.name()));
            }
        }
        List<BuiltImage> again = builder.buildAll();
        assertThat(again).allMatch(BuiltImage::reused);
        assertThat(again).extracting(BuiltImage::id).containsExactlyElementsOf(built.stream().map(BuiltImage::id).toList());
    }

    @Test
    void baPollsRnisThroughTheGatewayName() throws Exception {
        try (AppContainer ba = run(AppImages.ba(), Map.of(), null)) {
            AppStatusClient status = ba.status();
            await(() -> !status.state().path("lastPoll").path("at").isNull());
            assertThat(status.health().orElseThrow().path("mecReachable").asBoolean()).isTrue();
            assertThat(ba.logs()).containsAnyOf("E-RAB info: cell", "No RAB info available");
        }
    }

    @Test
    void uspaCountsZoneChangesAndKeepsTheCounterAcrossARestartWithItsVolume() throws Exception {
        String volume = "mecmig-it-uspa-" + UUID.randomUUID().toString().substring(0, 8);
        try (AppContainer uspa = run(AppImages.uspa(), Map.of("UE_ADDRESS", ue), volume)) {
            AppStatusClient status = uspa.status();
            await(() -> status.state().path("zone").isTextual());
            int changes = driveUntilZoneChanges(2, zone -> await(() -> zone.equals(status.state().path("zone").asText())));
            JsonNode before = status.state();
            assertThat(before.path("counter").asLong()).isEqualTo(changes);

            uspa.stop();
            uspa.start();
            AppStatusClient restarted = uspa.status(); // the published port changes on restart
            restarted.awaitHealthy(Duration.ofSeconds(60));
            JsonNode after = restarted.state();
            assertThat(after.path("counter").asLong()).isEqualTo(changes);
            assertThat(after.path("zone").asText()).isEqualTo(before.path("zone").asText());
            assertThat(uspa.exec("cat", AppImages.USPA_VOLUME + "/state.json")).contains("\"counter\":" + changes);
        } finally {
            new DockerEngine(AppContainer.ENGINE).client().removeVolumeCmd(volume).exec();
        }
    }

    @Test
    void aswKeepsEveryVisitedZoneInItsMemcached() throws Exception {
        try (AppContainer asw = run(AppImages.asw(), Map.of("UE_ADDRESS", ue), null)) {
            AppStatusClient status = asw.status();
            Set<String> visited = new LinkedHashSet<>();
            await(() -> status.state().path("count").asInt() >= 1);
            visited.add(status.state().path("visitedZones").path(0).path("zoneId").asText());
            while (visited.size() < 3) {
                driveUntilZoneChanges(1, zone -> {
                    visited.add(zone);
                    await(() -> status.state().path("count").asInt() == visited.size());
                });
            }
            try (ZoneStore memcached = new ZoneStore("127.0.0.1:" + asw.hostPort(AppImages.MEMCACHED_PORT))) {
                List<ZoneInfo> zones = memcached.visited();
                assertThat(zones).extracting(ZoneInfo::zoneId).containsExactlyElementsOf(visited);
                assertThat(zones).allSatisfy(z -> assertThat(z.accessPointIds()).hasSize(z.numberOfAccessPoints()).isNotEmpty());
            }
        }
    }

    @Test
    void baReachesTheSandboxThroughTheHttpdGatewayContainerAsInThePaper() throws Exception {
        var docker = builder.engine().client();
        String gatewayId = docker.createContainerCmd("mecmig/gateway:latest")
                .withName("mecmig-it-gateway-" + UUID.randomUUID().toString().substring(0, 8))
                .withEnv("MEC_BASE_URL=http://" + gateway + ":" + sandbox.port()).exec().getId();
        try {
            docker.startContainerCmd(gatewayId).exec();
            String gatewayIp = docker.inspectContainerCmd(gatewayId).exec().getNetworkSettings().getIpAddress();
            // The image's default MEC_BASE_URL (http://mec-gateway/sbx/), with the name mapped to the gateway container.
            Map<String, String> env = new java.util.LinkedHashMap<>();
            env.put("MEC_BASE_URL", AppImages.DEFAULT_MEC_BASE_URL);
            try (AppContainer ba = run(AppImages.ba(), env, null, gatewayIp)) {
                AppStatusClient status = ba.status();
                await(() -> !status.state().path("lastPoll").path("at").isNull());
                assertThat(status.health().orElseThrow().path("mecBaseUrl").asText()).isEqualTo("http://mec-gateway/sbx/");
            }
        } finally {
            docker.removeContainerCmd(gatewayId).withForce(true).exec();
        }
    }

    @Test
    void aBadGatewayUrlIsLoggedClearlyAndTheAppKeepsServing() throws Exception {
        // A name that resolves nowhere: the images resolve names from /etc/hosts only.
        try (AppContainer ba = run(AppImages.ba(), Map.of("MEC_BASE_URL", "http://no-such-gateway/sbx/"), null)) {
            AppStatusClient status = ba.status();
            await(() -> status.state().path("failedPolls").asLong() >= 10);
            JsonNode state = status.state();
            assertThat(state.path("lastPoll").path("at").isNull()).as("no poll succeeded").isTrue();
            assertThat(ba.running()).isTrue();
            assertThat(status.health().orElseThrow().path("mecReachable").asBoolean()).isFalse();
            assertThat(ba.logs()).contains("MEC API unreachable at http://no-such-gateway/sbx/rni/v2/queries/rab_info")
                    .contains("UnknownHostException").contains("MEC_BASE_URL").doesNotContain("Exception in thread");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ba", "uspa", "asw"})
    void whileTheSandboxIsDownTheAppLogsItKeepsTryingAndCarriesOnOnceTheSandboxIsUp(String app) throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(gateway))) {
            port = socket.getLocalPort();
        }
        String base = "http://mec-gateway:" + port + "/sbx/";
        try (AppContainer container = run(AppImages.named(app), Map.of("MEC_BASE_URL", base), null)) {
            AppStatusClient status = container.status();
            await(() -> logs(container).contains("MEC API unreachable at " + base));
            Thread.sleep(500); // 10 more polls at 50 ms, every one refused
            assertThat(container.running()).isTrue();
            assertThat(status.health().orElseThrow().path("mecReachable").asBoolean()).isFalse();
            assertThat(status.state().isObject()).as("/state answers").isTrue();
            assertThat(container.logs()).contains("check that the gateway/sandbox is running and that MEC_BASE_URL is right")
                    .doesNotContain("Exception in thread");

            try (MecSandbox late = MecSandbox.builder().sandboxName("sbx").bindAddress(gateway).port(port)
                    .ues(UeSelection.counts(0, 0, 1)).paused().start()) {
                await(() -> status.health().orElseThrow().path("mecReachable").asBoolean());
                switch (app) {
                    case "ba" -> await(() -> !status.state().path("lastPoll").path("at").isNull());
                    case "uspa" -> await(() -> status.state().path("zone").isTextual());
                    default -> await(() -> status.state().path("count").asInt() == 1);
                }
                assertThat(container.logs()).contains("MEC API answers again after");
            }
        }
    }

    private static String logs(AppContainer container) {
        try {
            return container.logs();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a container and prints the time to its first /health answer and its RSS. */
    private AppContainer run(AppImage image, Map<String, String> env, String volume) throws Exception {
        return run(image, env, volume, gateway);
    }

    private AppContainer run(AppImage image, Map<String, String> env, String volume, String gatewayIp) throws Exception {
        Map<String, String> all = new java.util.LinkedHashMap<>(env);
        all.putIfAbsent("MEC_BASE_URL", "http://mec-gateway:" + sandbox.port() + "/sbx/");
        all.put("POLL_INTERVAL_MS", "50");
        AppContainer container = AppContainer.create(builder.engine().client(), image, all, volume, gatewayIp);
        long start = System.nanoTime();
        container.start();
        Duration startToHealth = container.status().awaitHealthy(Duration.ofSeconds(60));
        long totalMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[figures] %s: docker start to first /health answer %d ms (of which the start call %d ms); RSS %d kB%n",
                image.name(), totalMillis, totalMillis - startToHealth.toMillis(), container.rssKilobytes());
        return container;
    }

    private interface ZoneCheck {
        void onNewZone(String zone) throws Exception;
    }

    /** Advances the sandbox until the followed UE changed zone {@code count} times; returns the count. */
    private int driveUntilZoneChanges(int count, ZoneCheck check) throws Exception {
        String zone = sandbox.control().snapshot().ue(ue).orElseThrow().zoneId();
        int changes = 0;
        for (int tick = 0; tick < 5000 && changes < count; tick++) {
            sandbox.control().step(1);
            String now = sandbox.control().snapshot().ue(ue).orElseThrow().zoneId();
            if (now != null && !now.equals(zone)) {
                changes++;
                zone = now;
                check.onNewZone(now);
            }
        }
        assertThat(changes).as("zone changes within 5000 ticks").isEqualTo(count);
        return changes;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
