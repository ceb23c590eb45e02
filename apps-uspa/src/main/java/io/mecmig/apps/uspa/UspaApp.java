package io.mecmig.apps.uspa;

import io.mecmig.apps.common.AppConfig;
import io.mecmig.apps.common.MecApiClient;
import io.mecmig.apps.common.PollLoop;
import io.mecmig.apps.common.StatusServer;
import io.mecmig.apps.common.UeLocator;
import io.mecmig.apps.common.UserLocation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * USPA, the user-state-preserving application: every 200 ms it reads the UE's zone from the Location API and
 * counts zone changes. The count lives in memory and in {@code state.json} on the volume (rewritten at each
 * change, read back at start). It is migration-aware: {@code /changePhase?inMigration=1} applies the paper's
 * Algorithm 1 (see {@link RuntimeLog}), {@code /changePhase} without the flag ends it.
 */
public final class UspaApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UspaApp.class);

    private final UeLocator ue;
    private final MecApiClient mec;
    private final StateFile stateFile;
    private final RuntimeLog runtimeLog;
    private final PollLoop loop;
    private final StatusServer server;
    private volatile ZoneCount state;

    private UspaApp(AppConfig config) {
        this.mec = new MecApiClient(config.mecBaseUrl());
        this.ue = new UeLocator(mec, config.ueAddress());
        this.stateFile = new StateFile(config.dataDir());
        this.runtimeLog = new RuntimeLog(config.logDir(), config.dataDir());
        Optional<ZoneCount> restored = stateFile.load();
        this.state = restored.orElse(ZoneCount.INITIAL);
        LOG.info(restored.map(s -> "USPA restored counter " + s.counter() + " (zone " + s.zone() + ") from " + stateFile.path())
                .orElse("USPA starts with counter 0: no state in " + stateFile.path()));
        this.loop = new PollLoop("uspa", this::poll);
        this.server = StatusServer.start("uspa", config.statusPort(), this::health, this::state,
                Map.of("/changePhase", this::changePhase));
        loop.start(config.pollInterval());
    }

    /** Starts USPA: restores its state, starts its status server and its poll loop. */
    public static UspaApp start(AppConfig config) {
        return new UspaApp(config);
    }

    /** Entry point of the container: configuration from the environment. */
    public static void main(String[] args) {
        StatusServer.warmUpInBackground();
        UspaApp app = start(AppConfig.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "uspa-shutdown"));
    }

    private Map<String, Object> changePhase(Map<String, String> query) {
        Phase next = "1".equals(query.get("inMigration")) ? Phase.MIGRATION : Phase.NORMAL;
        runtimeLog.changePhase(next);
        LOG.info("USPA phase is now {}: runtime data goes to {}", next, runtimeLog.target());
        return Map.of("phase", next, "runtimeData", runtimeLog.target().toString());
    }

    private void poll() {
        Optional<UserLocation> location = ue.locate();
        if (location.isEmpty()) {
            LOG.warn("USPA: the Location API does not list UE {}", ue.address().orElse("(first user)"));
            return;
        }
        String zone = location.get().zoneId();
        if (zone.isEmpty()) { // out of every PoA's range: no zone to count
            runtimeLog.append(Instant.now() + " ue=" + location.get().address() + " disconnected counter=" + state.counter());
            return;
        }
        synchronized (this) {
            ZoneCount next = state.observe(zone);
            if (!next.equals(state)) {
                stateFile.save(next);
                if (next.counter() != state.counter()) {
                    LOG.info("USPA: UE {} entered {}, zone changes: {}", location.get().address(), zone, next.counter());
                }
                state = next;
            }
        }
        runtimeLog.append(Instant.now() + " ue=" + location.get().address() + " poa=" + location.get().accessPointId()
                + " zone=" + zone + " counter=" + state.counter());
    }

    private Map<String, Object> health() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("mecBaseUrl", mec.baseUrl());
        facts.put("mecReachable", loop.polls() > 0 && !loop.failing());
        facts.put("phase", runtimeLog.phase());
        return facts;
    }

    /** USPA's state: {@code counter} and {@code zone}, plus the phase and the followed UE. */
    public Map<String, Object> state() {
        ZoneCount current = state;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("counter", current.counter());
        body.put("zone", current.zone());
        body.put("phase", runtimeLog.phase());
        body.put("ueAddress", ue.address().orElse(null));
        return body;
    }

    /** The port of {@code /health}, {@code /state} and {@code /changePhase}. */
    public int statusPort() {
        return server.port();
    }

    @Override
    public void close() {
        loop.close();
        server.close();
        mec.close();
    }
}
