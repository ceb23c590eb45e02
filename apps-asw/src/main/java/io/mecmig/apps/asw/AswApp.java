package io.mecmig.apps.asw;

import io.mecmig.apps.common.AppConfig;
import io.mecmig.apps.common.MecApiClient;
import io.mecmig.apps.common.PollLoop;
import io.mecmig.apps.common.StatusServer;
import io.mecmig.apps.common.UeLocator;
import io.mecmig.apps.common.UserLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ASW, the application with a stateful workload: it follows the UE through the Location API and, for every zone
 * the UE enters, stores the zone's number of PoAs and their ids in memcached (running in the same container).
 * Its whole state is memcached's memory; it knows nothing of migration. {@code /state} reads it back from memcached.
 */
public final class AswApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AswApp.class);
    private static final String ZONES_PATH = "location/v2/queries/zones/";

    private final MecApiClient mec;
    private final UeLocator ue;
    private final ZoneStore store;
    private final PollLoop loop;
    private final StatusServer server;
    private volatile String lastZone; // only to avoid asking memcached at every poll; the state is in memcached

    private AswApp(AppConfig config) {
        // The memcached client takes a while to build (its IO thread, selector, hashing): on a second thread, while
        // the rest of the app builds on this one; the status server starts once both are done.
        CompletableFuture<ZoneStore> building = CompletableFuture.supplyAsync(() -> connect(config), AswApp::runAlone);
        this.mec = new MecApiClient(config.mecBaseUrl());
        this.ue = new UeLocator(mec, config.ueAddress());
        try {
            this.store = building.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        this.loop = new PollLoop("asw", this::poll);
        this.server = StatusServer.start("asw", config.statusPort(), this::health, this::state, Map.of());
        loop.start(config.pollInterval());
        LOG.info("ASW following UE {} through {}; zones go to memcached at {}", config.ueAddress().orElse("(first user)"),
                config.mecBaseUrl(), config.memcached());
    }

    private static ZoneStore connect(AppConfig config) {
        try {
            return new ZoneStore(config.memcached());
        } catch (IOException e) {
            throw new UncheckedIOException("bad " + AppConfig.MEMCACHED + "='" + config.memcached() + "': use host:port", e);
        }
    }

    /** Runs a start-up task on a thread of its own (the common pool would size itself for one task). */
    private static void runAlone(Runnable task) {
        Thread thread = new Thread(task, "asw-memcached-connect");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts ASW: its status server, then its poll loop. */
    public static AswApp start(AppConfig config) {
        return new AswApp(config);
    }

    /** Entry point of the container: configuration from the environment. */
    public static void main(String[] args) {
        StatusServer.warmUpInBackground();
        AswApp app = start(AppConfig.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "asw-shutdown"));
    }

    private void poll() {
        Optional<UserLocation> location = ue.locate();
        if (location.isEmpty()) {
            LOG.warn("ASW: the Location API does not list UE {}", ue.address().orElse("(first user)"));
            return;
        }
        String zone = location.get().zoneId();
        if (zone.equals(lastZone) || zone.isEmpty()) {
            return;
        }
        if (!store.contains(zone)) {
            ZoneInfo info = ZoneInfo.of(zone,
                    mec.get(ZONES_PATH + zone, Map.of()).orElseThrow(() -> new IllegalStateException("zone " + zone + " unknown to the Location API")),
                    mec.get(ZONES_PATH + zone + "/accessPoints", Map.of()).orElseThrow(() -> new IllegalStateException("no access points listed for zone " + zone)));
            store.put(info);
            LOG.info("ASW: UE {} visited {}: {} PoAs {}", location.get().address(), zone, info.numberOfAccessPoints(), info.accessPointIds());
        }
        lastZone = zone;
    }

    private Map<String, Object> health() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("mecBaseUrl", mec.baseUrl());
        facts.put("mecReachable", loop.polls() > 0 && !loop.failing());
        return facts;
    }

    /** ASW's state, read back from memcached: the visited zones with their PoAs. */
    public Map<String, Object> state() {
        List<ZoneInfo> zones = store.visited();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("visitedZones", zones);
        body.put("count", zones.size());
        body.put("ueAddress", ue.address().orElse(null));
        return body;
    }

    /** The port of {@code /health} and {@code /state}. */
    public int statusPort() {
        return server.port();
    }

    @Override
    public void close() {
        loop.close();
        server.close();
        store.close();
        mec.close();
    }
}
