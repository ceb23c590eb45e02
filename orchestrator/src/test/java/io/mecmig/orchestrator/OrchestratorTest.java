package io.mecmig.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.core.StateNeeds;
import io.mecmig.orchestrator.placement.PlacementMap;
import io.mecmig.orchestrator.placement.PlacementMode;
import io.mecmig.orchestrator.plan.AppProfile;
import io.mecmig.orchestrator.plan.CostModel;
import io.mecmig.orchestrator.plan.StrategyChooser;
import io.mecmig.orchestrator.plan.StrategyOption;
import io.mecmig.orchestrator.predict.Forecast;
import io.mecmig.orchestrator.predict.HandoverPredictor;
import io.mecmig.orchestrator.predict.PredictorChain;
import io.mecmig.orchestrator.predict.RoutePredictor;
import io.mecmig.orchestrator.predict.CellHistoryPredictor;
import io.mecmig.orchestrator.predict.DeadReckoningPredictor;
import io.mecmig.orchestrator.predict.Visit;
import io.mecmig.orchestrator.radio.ScenarioFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decision state machine, replayed on mobility recorded from the sandbox. */
class OrchestratorTest {

    private static final ScenarioFile MONACO = ScenarioFile.monaco();
    private static final String UE = "10.100.0.3";
    private static final List<String> HOSTS = List.of("meh-1", "meh-2", "meh-3");
    private static final PlacementMap BY_ZONE = PlacementMap.roundRobin(PlacementMode.ZONE, MONACO.radioMap().zones(), HOSTS);
    private static final List<StrategyOption> STRATEGIES = List.of(new StrategyOption("sfp", StateNeeds.NONE),
            new StrategyOption("fccp", StateNeeds.USER_STATE), new StrategyOption("fullsp", StateNeeds.FULL_STATE));
    private static final AppProfile USPA = AppProfile.typical("uspa", StateNeeds.USER_STATE);

    private static HandoverPredictor predictors() {
        return new PredictorChain(List.of(
                new RoutePredictor(MONACO.route(UE).orElseThrow(), MONACO.radioMap(), MONACO.radios(UE), 240),
                new CellHistoryPredictor(Duration.ofSeconds(240)),
                new DeadReckoningPredictor(MONACO.radioMap(), MONACO.radios(UE), 30)));
    }

    private static Orchestrator orchestrator(HandoverPredictor predictor, PlacementMap placement, CostModel costs) {
        return new Orchestrator(UE, USPA, placement, predictor, new StrategyChooser(STRATEGIES, costs), 1.0,
                OrchestratorSettings.defaults());
    }

    /** Host changes in the trace: ticks where the placement's host differs from the previous tick's. */
    private static List<UeObservation> hostChanges(List<UeObservation> trace, PlacementMap placement) {
        List<UeObservation> out = new ArrayList<>();
        Optional<String> before = Optional.empty();
        for (UeObservation o : trace) {
            Optional<String> h = placement.hostFor(o.accessPointId(), o.zoneId());
            if (before.isPresent() && h.isPresent() && !h.equals(before)) {
                out.add(o);
            }
            if (h.isPresent()) {
                before = h;
            }
        }
        return out;
    }

    @Test
    void theAppFollowsTheUeAcrossEveryZoneChangeWithPreRelocationBeforeAndRelocationAtTheHandover() {
        List<UeObservation> trace = Traces.monaco(UE).subList(0, 700);
        Replay replay = new Replay(orchestrator(predictors(), BY_ZONE, new CostModel(1_000_000_000L)),
                Duration.ofSeconds(3), Duration.ofSeconds(1)).run(trace);

        List<UeObservation> handovers = hostChanges(trace, BY_ZONE);
        assertThat(handovers).hasSizeGreaterThanOrEqualTo(10);
        assertThat(replay.decisions.get(0).decision()).isInstanceOf(Decision.Place.class);
        assertThat(((Decision.Place) replay.decisions.get(0).decision()).host()).isEqualTo("meh-2"); // zone02
        List<Decision.PreRelocate> pre = replay.all(Decision.PreRelocate.class);
        List<Decision.Relocate> relocations = replay.all(Decision.Relocate.class);
        assertThat(relocations).hasSameSizeAs(handovers);
        assertThat(replay.all(Decision.Abort.class)).isEmpty();
        assertThat(replay.all(Decision.Miss.class)).isEmpty();
        for (int i = 0; i < handovers.size(); i++) {
            UeObservation handover = handovers.get(i);
            String target = BY_ZONE.hostFor(handover.accessPointId(), handover.zoneId()).orElseThrow();
            assertThat(pre.get(i).target()).isEqualTo(target);
            assertThat(pre.get(i).expectedLead()).as("predicted, not reacted to").isPositive();
            assertThat(pre.get(i).strategy()).isEqualTo("fccp");
            assertThat(relocations.get(i).target()).isEqualTo(target);
        }
        for (Replay.Made m : replay.decisions) {
            if (m.decision() instanceof Decision.Relocate r) {
                assertThat(BY_ZONE.hostFor(m.at().accessPointId(), m.at().zoneId())).as("relocation at the handover")
                        .contains(r.target());
            }
            if (m.decision() instanceof Decision.PreRelocate p) {
                assertThat(BY_ZONE.hostFor(m.at().accessPointId(), m.at().zoneId())).as("pre-relocation before it")
                        .contains(p.source());
            }
        }
        // Relocation starts on the very tick of the handover: the target was prepared in time.
        for (int i = 0; i < handovers.size(); i++) {
            Decision relocation = relocations.get(i);
            UeObservation at = replay.decisions.stream().filter(m -> m.decision() == relocation).findFirst()
                    .orElseThrow().at();
            assertThat(at).isEqualTo(handovers.get(i));
        }
        replay.decisions.stream().limit(4).forEach(m -> System.out.println(m.decision()));
        DriveSummary s = replay.summary();
        assertThat(s.completed()).isEqualTo(handovers.size());
        assertThat(s.totalDowntime()).isEqualTo(Duration.ofSeconds(handovers.size()));
        assertThat(s.stateContinuity()).isTrue();
    }

    @Test
    void aStayShorterThanTheMoveIsCountedAsMissedAndTheAppStaysPut() {
        // Migrations measured at 12 s + 20 s: the 15-16 s visits to zone04 are too short to follow.
        CostModel slow = new CostModel(1_000_000_000L);
        slow.learn("fccp", Duration.ofSeconds(12), Duration.ofSeconds(20));
        slow.learn("fullsp", Duration.ofSeconds(14), Duration.ofSeconds(25));
        List<UeObservation> trace = Traces.monaco(UE).subList(0, 400);
        Replay replay = new Replay(orchestrator(predictors(), BY_ZONE, slow), Duration.ofSeconds(12),
                Duration.ofSeconds(20)).run(trace);

        List<Decision.Miss> missed = replay.all(Decision.Miss.class);
        assertThat(missed).isNotEmpty();
        for (Decision.Miss m : missed) {
            assertThat(m.target()).isEqualTo("meh-1"); // zone04
            assertThat(m.reason()).contains("not enough time");
        }
        DriveSummary s = replay.summary();
        assertThat(s.missed()).isEqualTo(missed.size());
        assertThat(s.completed()).isPositive();
    }

    @Test
    void withoutAnyPredictionTheHandoverItselfTriggersBothPhases() {
        HandoverPredictor blind = new HandoverPredictor() {
            public String name() {
                return "none";
            }

            public Optional<Forecast> forecast(io.mecmig.orchestrator.predict.MobilityHistory h) {
                return Optional.empty();
            }
        };
        List<UeObservation> trace = Traces.monaco(UE).subList(0, 200);
        Replay replay = new Replay(orchestrator(blind, BY_ZONE, new CostModel(0)), Duration.ofSeconds(3),
                Duration.ofSeconds(1)).run(trace);

        List<Decision.PreRelocate> pre = replay.all(Decision.PreRelocate.class);
        assertThat(pre).isNotEmpty();
        assertThat(pre).allSatisfy(p -> {
            assertThat(p.expectedLead()).isZero();
            assertThat(p.reason()).contains("with no migration prepared");
        });
        assertThat(replay.all(Decision.Relocate.class)).hasSameSizeAs(pre)
                .allSatisfy(r -> assertThat(r.reason()).contains("target ready after 3.0 s"));
    }

    @Test
    void aUeThatTurnsAwayGetsItsPreparedMigrationAborted() {
        // A predictor that first sees the UE heading for zone03's host, then for zone04's.
        List<UeObservation> trace = Traces.monaco(UE).subList(0, 40);
        HandoverPredictor fickle = new HandoverPredictor() {
            public String name() {
                return "fickle";
            }

            public Optional<Forecast> forecast(io.mecmig.orchestrator.predict.MobilityHistory h) {
                long t = Traces.tick(h.latest());
                String zone = t < 20 ? "zone03" : "zone04";
                Duration in = Duration.ofSeconds(3);
                return Optional.of(new Forecast("fickle", List.of(
                        new Visit(h.latest().accessPointId(), h.latest().zoneId(), Duration.ZERO, in),
                        new Visit("somewhere", zone, in, Duration.ofSeconds(60))), Duration.ofSeconds(60), "test"));
            }
        };
        Replay replay = new Replay(orchestrator(fickle, BY_ZONE, new CostModel(0)), Duration.ofSeconds(30),
                Duration.ofSeconds(1)).run(trace);

        List<Decision> ds = replay.decisions.stream().map(Replay.Made::decision).toList();
        assertThat(ds).hasSize(4);
        assertThat(ds.get(1)).isInstanceOfSatisfying(Decision.PreRelocate.class, p -> assertThat(p.target()).isEqualTo("meh-3"));
        assertThat(ds.get(2)).isInstanceOfSatisfying(Decision.Abort.class,
                a -> assertThat(a.reason()).contains("now heads for meh-1, not meh-3"));
        assertThat(ds.get(3)).isInstanceOfSatisfying(Decision.PreRelocate.class, p -> assertThat(p.target()).isEqualTo("meh-1"));
        assertThat(replay.summary().aborted()).isEqualTo(1);
    }

    @Test
    void aFailedMigrationLeavesTheAppOnTheSourceAndIsNotRetriedForThatHandover() {
        Orchestrator o = orchestrator(predictors(), BY_ZONE, new CostModel(0));
        List<UeObservation> trace = Traces.monaco(UE);
        Decision.PreRelocate pre = null;
        for (UeObservation obs : trace.subList(0, 60)) {
            for (Decision d : o.handle(new OrchestratorEvent.UeObserved(obs))) {
                if (d instanceof Decision.PreRelocate p) {
                    pre = p;
                }
            }
        }
        assertThat(pre).isNotNull();
        o.handle(new OrchestratorEvent.MigrationFailed(pre.migrationId(), "PRE_RELOCATION", "target disk full"));

        List<Decision> later = new ArrayList<>();
        for (UeObservation obs : trace.subList(60, 100)) { // still in zone03 (meh-3) until tick 110
            later.addAll(o.handle(new OrchestratorEvent.UeObserved(obs)));
        }
        assertThat(later).isEmpty();
        assertThat(o.servingHost()).contains("meh-2");
        assertThat(o.summary().failed()).isEqualTo(1);
        assertThat(o.summary().migrations().get(0).detail()).contains("target disk full");
    }

    @Test
    void poaPlacementMigratesMoreOftenThanZonePlacement() {
        List<UeObservation> trace = Traces.monaco(UE).subList(0, 700);
        List<String> poas = MONACO.radioMap().accessPoints().stream().map(p -> p.id()).toList();
        PlacementMap byPoa = PlacementMap.roundRobin(PlacementMode.POA, poas, HOSTS);
        Replay perPoa = new Replay(orchestrator(predictors(), byPoa, new CostModel(0)), Duration.ofMillis(1500),
                Duration.ofMillis(500)).run(trace);
        Replay perZone = new Replay(orchestrator(predictors(), BY_ZONE, new CostModel(0)), Duration.ofMillis(1500),
                Duration.ofMillis(500)).run(trace);

        int poaMoves = perPoa.summary().completed() + perPoa.summary().missed();
        assertThat(poaMoves).isEqualTo(hostChanges(trace, byPoa).size());
        assertThat(poaMoves).isGreaterThan(perZone.summary().completed());
        assertThat(perZone.summary().completed()).isEqualTo(hostChanges(trace, BY_ZONE).size());
    }

    @Test
    void anAbortedPreRelocationThatRanLongTeachesTheTimeBudget() {
        CostModel costs = new CostModel(1_000_000_000L);
        Orchestrator o = orchestrator(predictors(), BY_ZONE, costs);
        List<UeObservation> trace = Traces.monaco(UE);
        Decision.PreRelocate first = null;
        for (UeObservation obs : trace.subList(0, 120)) {
            for (Decision d : o.handle(new OrchestratorEvent.UeObserved(obs))) {
                if (d instanceof Decision.PreRelocate p && first == null) {
                    first = p;
                }
            }
        }
        assertThat(first).isNotNull();
        assertThat(o.summary().aborted()).as("the UE went on without the slow phase 1 ending").isPositive();

        o.handle(new OrchestratorEvent.PreRelocationDone(first.migrationId(), Duration.ofSeconds(70)));

        StrategyOption fccp = STRATEGIES.get(1);
        assertThat(costs.estimate(fccp, USPA).preRelocation()).isEqualTo(Duration.ofSeconds(70));
        assertThat(costs.estimate(fccp, USPA).basis()).contains("measured");
    }
}
