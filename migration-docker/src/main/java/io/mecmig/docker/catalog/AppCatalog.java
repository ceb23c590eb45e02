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
     * The app called {@code key}, run from its image's {@code latest} tag, reaching the MEC APIs at
     * {@code mecBaseUrl} as the app's host sees them, for example {@code http://10.77.1.1:8085/sbx/}: the URL's
     * host is mapped to the name {@value #GATEWAY_NAME} in the container ({@code --add-host}), and the app's
     * {@code MEC_BASE_URL} is the same URL with that name as its host (scheme, port and path kept). A bare
     * address such as {@code 10.77.1.1} maps the name only, and the app keeps its image's default URL
     * ({@value io.mecmig.images.AppImages#DEFAULT_MEC_BASE_URL}, port 80).
     *
     * @throws InvalidMigrationException for an unknown key, listing the known ones, or a URL without a host
     */
    public static AppDeployment deployment(String key, String mecBaseUrl) {
        String k = key == null ? "" : key.toLowerCase(Locale.ROOT);
        MecEndpoint mec = MecEndpoint.of(mecBaseUrl);
        List<String> hosts = List.of(GATEWAY_NAME + ":" + mec.address());
        List<String> env = mec.appUrl().map(url -> List.of("MEC_BASE_URL=" + url)).orElse(List.of());
        return switch (k) {
            case "ba" -> new AppDeployment(k, ba(), AppImages.ba().latest(), env, Map.of(), hosts, 18081);
            case "uspa" -> new AppDeployment(k, uspa(), AppImages.uspa().latest(), env,
                    Map.of(USPA_VOLUME, AppImages.USPA_VOLUME), hosts, 18082);
            case "asw" -> new AppDeployment(k, asw(), AppImages.asw().latest(), env, Map.of(), hosts, 18083);
            default -> throw new InvalidMigrationException("unknown app '" + key + "': use one of " + keys());
        };
    }

    /** Where the MEC APIs are: the address the gateway name maps to, and the URL the app uses, if one was given. */
    private record MecEndpoint(String address, java.util.Optional<String> appUrl) {

        static MecEndpoint of(String addressOrUrl) {
            if (addressOrUrl == null || addressOrUrl.isBlank()) {
                throw new InvalidMigrationException("no MEC base URL given: pass the URL the app's host reaches the"
                        + " MEC APIs at, for example http://10.77.1.1:8085/sbx/ (or only its IP address for port 80)");
            }
            if (!addressOrUrl.contains("://")) {
                return new MecEndpoint(addressOrUrl, java.util.Optional.empty());
            }
            java.net.URI url;
            try {
                url = new java.net.URI(addressOrUrl);
            } catch (java.net.URISyntaxException e) {
                throw new InvalidMigrationException("the MEC base URL '" + addressOrUrl + "' does not parse ("
                        + e.getReason() + "): give it as http://ADDRESS:PORT/sbx/");
            }
            if (url.getHost() == null) {
                throw new InvalidMigrationException("no host in the MEC base URL '" + addressOrUrl
                        + "': give it as http://ADDRESS:PORT/sbx/");
            }
            String port = url.getPort() < 0 ? "" : ":" + url.getPort();
            String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            return new MecEndpoint(url.getHost(), java.util.Optional.of(url.getScheme() + "://" + GATEWAY_NAME + port + path));
        }
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
