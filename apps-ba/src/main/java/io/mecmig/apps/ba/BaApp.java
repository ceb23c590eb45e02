package io.mecmig.apps.ba;

import io.mecmig.apps.common.AppConfig;
import io.mecmig.apps.common.MecApiClient;
import io.mecmig.apps.common.PollLoop;
import io.mecmig.apps.common.StatusServer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BA, the basic application: every 200 ms it reads RNIS {@code rab_info} and logs the E-RAB information of the
 * first cell and UE. It keeps no state and knows nothing of migration; {@code /state} shows its last poll.
 */
public final class BaApp implements AutoCloseable {

    static final String RAB_INFO_PATH = "rni/v2/queries/rab_info";
    private static final Logger LOG = LoggerFactory.getLogger(BaApp.class);

    private final MecApiClient mec;
    private final PollLoop loop;
    private final StatusServer server;
    private volatile LastPoll lastPoll = new LastPoll(null, false, null);

    /**
     * The outcome of the latest successful poll.
     *
     * @param at      when it answered (ISO-8601)
     * @param present whether E-RAB info was available
     * @param rabInfo the info, when present
     */
    public record LastPoll(String at, boolean present, RabInfo rabInfo) {
    }

    private BaApp(AppConfig config) {
        this.mec = new MecApiClient(config.mecBaseUrl());
        this.loop = new PollLoop("ba", this::poll);
        this.server = StatusServer.start("ba", config.statusPort(), this::health, this::state, Map.of());
        loop.start(config.pollInterval());
        LOG.info("BA polling {}{} every {} ms; status on port {}", config.mecBaseUrl(), RAB_INFO_PATH,
                config.pollInterval().toMillis(), server.port());
    }

    /** Starts BA: its status server first, then the poll loop. */
    public static BaApp start(AppConfig config) {
        return new BaApp(config);
    }

    /** Entry point of the container: configuration from the environment. */
    public static void main(String[] args) {
        StatusServer.warmUpInBackground();
        BaApp app = start(AppConfig.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "ba-shutdown"));
    }

    private void poll() {
        Optional<RabInfo> info = mec.get(RAB_INFO_PATH, Map.of()).flatMap(RabInfo::firstOf);
        lastPoll = new LastPoll(Instant.now().toString(), info.isPresent(), info.orElse(null));
        LOG.info(info.map(RabInfo::describe).orElse("No RAB info available"));
    }

    private Map<String, Object> health() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("mecBaseUrl", mec.baseUrl());
        facts.put("mecReachable", loop.polls() > 0 && !loop.failing());
        return facts;
    }

    /** BA's state: its last successful poll, and poll counts. */
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("lastPoll", lastPoll);
        state.put("polls", loop.polls());
        state.put("failedPolls", loop.failures());
        return state;
    }

    /** The port of {@code /health} and {@code /state}. */
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
