package io.mecmig.docker.catalog;

import io.mecmig.core.AppSpec;
import io.mecmig.core.InvalidMigrationException;
import io.mecmig.core.Readiness;
import io.mecmig.core.StateNeeds;
import io.mecmig.core.StateProbe;
import io.mecmig.images.AppImage;
import io.mecmig.images.AppImages;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The paper's three sample apps as the engine, the tests, the experiment runner and the orchestrator
 * migrate them: container names, volumes, ports, the state each needs, and the rules that judge its state.
 * Images, CMD and ENV come from {@link AppImages}, the single source of the images' Dockerfiles.
 *
 * <ul>
 *   <li>BA: no state; nothing to check.</li>
 *   <li>USPA: the zone-change counter in {@code state.json} on volume {@value #USPA_VOLUME}, mounted where
 *       the image's ENV {@code DATA_DIR} points; the app's own default (/data) is not on the volume, so an
 *       app that lost its ENV (SFP) starts from zero. Rule: the counter must not go back. Migration-aware:
 *       phase endpoint {@code /changePhase}.</li>
 *   <li>ASW: the visited zones in memcached's memory, inside the container. Rule: every zone is still
 *       there.</li>
 * </ul>
 * Each app is published on its own host port, so all three can run on one host.
 */
public final class AppCatalog {

    /**
     * "Each app's own image" ({@code mecmig/ba:latest}, ...): passing it to {@link AppDeployment#withImage}
     * keeps the app's image. Kept for callers written when all apps shared one image.
     */
    public static final String DEFAULT_IMAGE = "mecmig/<app>:latest";

    /** USPA's Docker volume. */
    public static final String USPA_VOLUME = "uspa-data";
    /** The name the apps reach the MEC gateway by; mapped to the host's gateway address at {@code docker run}. */
    public static final String GATEWAY_NAME = "mec-gateway";

    private AppCatalog() {
    }

    /** The keys users type: ba, uspa, asw. */
    public static List<String> keys() {
        return List.of("ba", "uspa", "asw");
    }

    /**
     * The app called {@code key}, run from its image's {@code latest} tag, reaching the MEC gateway at
     * {@code gatewayAddress} (as the app's host sees it) under the name {@value #GATEWAY_NAME}. A URL such as
     * {@code http://10.77.1.1/sbx/} is accepted too: its host is the gateway's address.
     *
     * @throws InvalidMigrationException for an unknown key, listing the known ones
     */
    public static AppDeployment deployment(String key, String gatewayAddress) {
        String k = key == null ? "" : key.toLowerCase(Locale.ROOT);
        List<String> hosts = List.of(GATEWAY_NAME + ":" + hostOf(gatewayAddress));
        return switch (k) {
            case "ba" -> new AppDeployment(k, ba(), AppImages.ba().latest(), List.of(), Map.of(), hosts, 18081);
            case "uspa" -> new AppDeployment(k, uspa(), AppImages.uspa().latest(), List.of(),
                    Map.of(USPA_VOLUME, AppImages.USPA_VOLUME), hosts, 18082);
            case "asw" -> new AppDeployment(k, asw(), AppImages.asw().latest(), List.of(), Map.of(), hosts, 18083);
            default -> throw new InvalidMigrationException("unknown app '" + key + "': use one of " + keys());
        };
    }

    private static String hostOf(String addressOrUrl) {
        if (addressOrUrl != null && addressOrUrl.contains("://")) {
            String host = java.net.URI.create(addressOrUrl).getHost();
            if (host == null) {
                throw new InvalidMigrationException("no host in the gateway URL '" + addressOrUrl + "': give its IP address");
            }
            return host;
        }
        if (addressOrUrl == null || addressOrUrl.isBlank()) {
            throw new InvalidMigrationException("no gateway address given: pass the IP the app's host reaches the gateway at");
        }
        return addressOrUrl;
    }

    /** The {@link AppSpec} of {@code key}. */
    public static AppSpec spec(String key) {
        return deployment(key, "127.0.0.1").spec();
    }

    /** BA: an RNIS consumer without state. */
    public static AppSpec ba() {
        return base("mec-ba", AppImages.ba()).needs(StateNeeds.NONE).build();
    }

    /** USPA: a zone-change counter kept on its volume; migration-aware. */
    public static AppSpec uspa() {
        return base("mec-uspa", AppImages.uspa())
                .volume(USPA_VOLUME)
                .needs(StateNeeds.USER_STATE)
                .stateProbe(StateProbe.http("/state").nonDecreasing("counter"))
                .phaseEndpoint("/changePhase")
                .build();
    }

    /** ASW: visited zones in memcached, in the same container. */
    public static AppSpec asw() {
        return base("mec-asw", AppImages.asw())
                .needs(StateNeeds.FULL_STATE)
                .stateProbe(StateProbe.http("/state").containsAll("visitedZones"))
                .build();
    }

    private static AppSpec.Builder base(String container, AppImage image) {
        return AppSpec.builder(container)
                .servicePort(image.statusPort())
                .readiness(Readiness.http("/health"))
                .readinessTimeout(Duration.ofSeconds(30))
                .command(image.command());
    }
}
