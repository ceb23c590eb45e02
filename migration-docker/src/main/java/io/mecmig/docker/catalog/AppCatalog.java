package io.mecmig.docker.catalog;

import io.mecmig.core.AppSpec;
import io.mecmig.core.InvalidMigrationException;
import io.mecmig.core.Readiness;
import io.mecmig.core.StateNeeds;
import io.mecmig.core.StateProbe;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The paper's three sample apps as the engine, the tests, the experiment runner and the orchestrator
 * migrate them: container names, volumes, ports, the state each needs, and the rules that judge its state.
 *
 * <ul>
 *   <li>BA: no state; nothing to check.</li>
 *   <li>USPA: the zone-change counter in {@code state.json} on volume {@code uspa-data}, mounted at
 *       {@value #USPA_DATA_DIR}; the app finds it through {@code DATA_DIR} in its ENV (its default, /data,
 *       is not on the volume). Rule: the counter must not go back. Migration-aware: phase endpoint
 *       {@code /changePhase}.</li>
 *   <li>ASW: the visited zones in memcached's memory, inside the container. Rule: every zone is still
 *       there.</li>
 * </ul>
 * Every app answers /health and /state on container port 8080; each is published on its own host port so
 * all three can run on one host.
 */
public final class AppCatalog {

    /** Where USPA's volume is mounted, and what its ENV's DATA_DIR says. */
    public static final String USPA_DATA_DIR = "/var/lib/uspa";
    /** The image the apps run from, built by {@code ./mecmig images}. */
    public static final String DEFAULT_IMAGE = "mecmig/apps:latest";
    /** The Java launcher inside the apps' image. */
    public static final String JAVA = "/opt/java/bin/java";
    /** The apps' class path inside the image. */
    public static final String CLASS_PATH = "/app/lib/*";

    private static final int PORT = 8080;

    private AppCatalog() {
    }

    /** The keys users type: ba, uspa, asw. */
    public static List<String> keys() {
        return List.of("ba", "uspa", "asw");
    }

    /**
     * The app called {@code key}, deployed from {@link #DEFAULT_IMAGE} and talking to the MEC platform at
     * {@code mecBaseUrl} (the gateway, as the app's container reaches it).
     *
     * @throws InvalidMigrationException for an unknown key, listing the known ones
     */
    public static AppDeployment deployment(String key, String mecBaseUrl) {
        String k = key == null ? "" : key.toLowerCase(Locale.ROOT);
        return switch (k) {
            case "ba" -> new AppDeployment(k, ba(), DEFAULT_IMAGE, common(mecBaseUrl), Map.of(), 18081);
            case "uspa" -> new AppDeployment(k, uspa(), DEFAULT_IMAGE,
                    plus(common(mecBaseUrl), "DATA_DIR=" + USPA_DATA_DIR), Map.of("uspa-data", USPA_DATA_DIR), 18082);
            case "asw" -> new AppDeployment(k, asw(), DEFAULT_IMAGE,
                    plus(common(mecBaseUrl), "MEMCACHED=127.0.0.1:11211"), Map.of(), 18083);
            default -> throw new InvalidMigrationException("unknown app '" + key + "': use one of " + keys());
        };
    }

    /** The {@link AppSpec} of {@code key}. */
    public static AppSpec spec(String key) {
        return deployment(key, "http://unused/").spec();
    }

    /** BA: an RNIS consumer without state. */
    public static AppSpec ba() {
        return AppSpec.builder("mec-ba")
                .servicePort(PORT)
                .needs(StateNeeds.NONE)
                .readiness(Readiness.http("/health"))
                .readinessTimeout(Duration.ofSeconds(20))
                .command(java("io.mecmig.apps.ba.BaApp"))
                .build();
    }

    /** USPA: a zone-change counter kept on its volume; migration-aware. */
    public static AppSpec uspa() {
        return AppSpec.builder("mec-uspa")
                .volume("uspa-data")
                .servicePort(PORT)
                .needs(StateNeeds.USER_STATE)
                .readiness(Readiness.http("/health"))
                .readinessTimeout(Duration.ofSeconds(20))
                .stateProbe(StateProbe.http("/state").nonDecreasing("counter"))
                .phaseEndpoint("/changePhase")
                .command(java("io.mecmig.apps.uspa.UspaApp"))
                .build();
    }

    /** ASW: visited zones in memcached, in the same container. */
    public static AppSpec asw() {
        return AppSpec.builder("mec-asw")
                .servicePort(PORT)
                .needs(StateNeeds.FULL_STATE)
                .readiness(Readiness.http("/health"))
                .readinessTimeout(Duration.ofSeconds(20))
                .stateProbe(StateProbe.http("/state").containsAll("visitedZones"))
                .command(List.of("/bin/sh", "-c", "/usr/bin/memcached -d -u root -m 64 -l 127.0.0.1 -p 11211 && exec "
                        + JAVA + " -cp '" + CLASS_PATH + "' io.mecmig.apps.asw.AswApp"))
                .build();
    }

    private static List<String> java(String mainClass) {
        return List.of(JAVA, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", CLASS_PATH, mainClass);
    }

    private static List<String> common(String mecBaseUrl) {
        return List.of("MEC_BASE_URL=" + mecBaseUrl, "POLL_INTERVAL_MS=200");
    }

    private static List<String> plus(List<String> env, String more) {
        List<String> all = new java.util.ArrayList<>(env);
        all.add(more);
        return all;
    }
}
