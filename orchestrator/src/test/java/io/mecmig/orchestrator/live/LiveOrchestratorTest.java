package io.mecmig.orchestrator.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.core.StateNeeds;
import io.mecmig.core.Downtime;
import io.mecmig.core.LinkProfile;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.Outcome;
import io.mecmig.core.StateCheck;
import io.mecmig.orchestrator.Decision;
import io.mecmig.orchestrator.DriveSummary;
import io.mecmig.orchestrator.Orchestrator;
import io.mecmig.orchestrator.OrchestratorBuilder;
import io.mecmig.orchestrator.UeObservation;
import io.mecmig.orchestrator.placement.PlacementMap;
import io.mecmig.orchestrator.placement.PlacementMode;
import io.mecmig.orchestrator.plan.AppProfile;
import io.mecmig.orchestrator.plan.CostModel;
import io.mecmig.orchestrator.plan.StrategyOption;
import io.mecmig.orchestrator.radio.RadioMap;
import io.mecmig.orchestrator.radio.ScenarioFile;
import io.mecmig.sandbox.MecSandbox;
import io.mecmig.sandbox.mobility.UeSelection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The live wiring against the real embedded sandbox (in this JVM, on 127.0.0.1): subscriptions, notifications,
 * polling and the decision loop. Migrations are a unit-test double here; the drive IT moves real containers.
 */
class LiveOrchestratorTest {

    private static final String UE = "10.100.0.3";

    /** Records what it is asked to do and takes a little time, as a migration engine would. */
    private static final class RecordingBackend implements MigrationBackend {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void place(String host) {
            calls.add("place " + host);
        }

        @Override
        public Prepared preRelocate(String id, String source, String target, String strategy) {
            calls.add("pre " + source + ">" + target + " " + strategy);
            sleep(150);
            return new Prepared() {
                @Override
                public MigrationReport relocate() {
                    calls.add("relocate " + source + ">" + target);
                    sleep(50);
                    return new MigrationReport(id, "uspa", strategy, source, target, LinkProfile.unshaped(),
                            Instant.now(), null, null, new Downtime(Duration.ofMillis(50), Duration.ofMillis(60), null),
                            Map.of(), new StateCheck(StateNeeds.USER_STATE, StateNeeds.USER_STATE, "{}", "{}", true,
                            "counter continued"), null, Outcome.COMPLETED, null, null, List.of(), List.of());
                }

                @Override
                public void abort() {
                    calls.add("abort " + source + ">" + target);
                }
            };
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void followsTheUeThroughSubscriptionsAndPollingAndMovesTheAppAtEachZoneChange() throws Exception {
        double timeScale = 20;
        try (MecSandbox sandbox = MecSandbox.builder().ues(UeSelection.named(List.of(UE))).timeScale(timeScale)
                .bindAddress("127.0.0.1").paused().start()) {
            LocationClient api = new LocationClient(sandbox.locationUrl());
            RadioMap fromApi = api.radioMap();
            assertThat(fromApi.accessPoints()).hasSize(ScenarioFile.monaco().radioMap().accessPoints().size());
            PlacementMap byZone = PlacementMap.roundRobin(PlacementMode.ZONE, fromApi.zones(),
                    List.of("meh-src", "meh-dst", "meh-3"));
            CostModel measured = new CostModel(0);
            measured.learn("fccp", Duration.ofMillis(150), Duration.ofMillis(50)); // what RecordingBackend takes
            Orchestrator brain = new OrchestratorBuilder(UE, AppProfile.typical("uspa", StateNeeds.USER_STATE))
                    .placement(byZone).radioMap(fromApi).timeScale(timeScale).costs(measured)
                    .strategies(List.of(new StrategyOption("fccp", StateNeeds.USER_STATE))).build();
            RecordingBackend backend = new RecordingBackend();
            List<Decision> decisions = new CopyOnWriteArrayList<>();
            List<UeObservation> zoneChanges = new CopyOnWriteArrayList<>();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            DriveLog log = new DriveLog(new PrintStream(printed, true, StandardCharsets.UTF_8));
            LiveOrchestrator live = new LiveOrchestrator(brain, backend, new DriveListener() {
                @Override
                public void onDecision(Decision d) {
                    decisions.add(d);
                    log.onDecision(d);
                }

                @Override
                public void onReport(String id, MigrationReport report) {
                    log.onReport(id, report);
                }

                @Override
                public void onHandover(UeObservation before, UeObservation now) {
                    log.onHandover(before, now);
                    if (!java.util.Objects.equals(before.zoneId(), now.zoneId())) {
                        zoneChanges.add(now);
                    }
                }
            }).start();
            try (UeFollower follower = new UeFollower(api, UE, Duration.ofMillis(100), live::accept)) {
                follower.start("127.0.0.1", "127.0.0.1", List.copyOf(fromApi.zones()));
                assertThat(follower.mode()).startsWith("userTracking + 4 zonalTraffic");
                sandbox.control().start();
                Thread.sleep(10_000); // 200 s of mobility: zone changes at 49, 110, 126 and 176 s
                assertThat(follower.notifications()).isPositive();
            }
            sandbox.control().pause();
            DriveSummary summary = live.finish(Duration.ofSeconds(10));

            assertThat(backend.calls.get(0)).isEqualTo("place meh-dst"); // zone02
            assertThat(zoneChanges).hasSizeGreaterThanOrEqualTo(3);
            assertThat(summary.completed()).as(backend.calls + "\n" + decisions).isGreaterThanOrEqualTo(3);
            assertThat(summary.stateContinuity()).isTrue();
            assertThat(summary.totalDowntime()).isEqualTo(Duration.ofMillis(50).multipliedBy(summary.completed()));
            assertThat(backend.calls).contains("pre meh-dst>meh-3 fccp", "relocate meh-dst>meh-3",
                    "relocate meh-3>meh-src", "relocate meh-src>meh-3");
            log.summary(summary);
            String text = printed.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("PLACE        app on meh-dst", "PRE-RELOCATE uspa-", "meh-dst -> meh-3  strategy fccp",
                    "strategy fccp  downtime 0.050 s  state kept (counter continued)  [COMPLETED; 0 MB over the link]",
                    "migrations done            " + summary.completed(), "state continuity           yes");
            assertThat(decisions.stream().filter(d -> d instanceof Decision.PreRelocate).map(Decision::reason).toList())
                    .anySatisfy(r -> assertThat(r).contains("predicts handover to meh-3"));
        }
    }
}
