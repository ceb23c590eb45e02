package io.mecmig.orchestrator;

import io.mecmig.orchestrator.placement.PlacementMap;
import io.mecmig.orchestrator.plan.AppProfile;
import io.mecmig.orchestrator.plan.CostModel;
import io.mecmig.orchestrator.plan.StrategyChooser;
import io.mecmig.orchestrator.plan.StrategyOption;
import io.mecmig.orchestrator.predict.CellHistoryPredictor;
import io.mecmig.orchestrator.predict.DeadReckoningPredictor;
import io.mecmig.orchestrator.predict.HandoverPredictor;
import io.mecmig.orchestrator.predict.PredictorChain;
import io.mecmig.orchestrator.predict.Route;
import io.mecmig.orchestrator.predict.RoutePredictor;
import io.mecmig.orchestrator.radio.RadioMap;
import io.mecmig.orchestrator.radio.RadioType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Assembles an {@link Orchestrator} with the usual predictors: the UE's route when known, then its serving-cell
 * history, then dead reckoning over the radio map.
 *
 * <pre>{@code
 * Orchestrator meo = new OrchestratorBuilder("10.100.0.1", AppProfile.typical("uspa", StateNeeds.USER_STATE))
 *         .placement(PlacementMap.roundRobin(PlacementMode.ZONE, radioMap.zones(), hosts))
 *         .radioMap(radioMap).route(route).timeScale(5)
 *         .build();
 * List<Decision> todo = meo.handle(new OrchestratorEvent.UeObserved(observation));
 * }</pre>
 */
public final class OrchestratorBuilder {

    /** How far ahead the route predictor looks, in mobility seconds. */
    private static final double ROUTE_HORIZON = 240;
    /** Dead reckoning ignores bends: keep it short-sighted. */
    private static final double STRAIGHT_LINE_HORIZON = 30;

    private final String ue;
    private final AppProfile app;
    private PlacementMap placement;
    private RadioMap radioMap;
    private Route route;
    private List<RadioType> radios = RadioType.allByPriority();
    private List<StrategyOption> strategies;
    private long linkBitsPerSecond;
    private CostModel costs;
    private double timeScale = 1;
    private OrchestratorSettings settings = OrchestratorSettings.defaults();

    public OrchestratorBuilder(String ue, AppProfile app) {
        this.ue = Objects.requireNonNull(ue, "ue");
        this.app = Objects.requireNonNull(app, "app");
    }

    /** Which host serves which PoA or zone (required). */
    public OrchestratorBuilder placement(PlacementMap placement) {
        this.placement = placement;
        return this;
    }

    /** The PoAs with places and radii: enables dead reckoning (and the route predictor, with a route). */
    public OrchestratorBuilder radioMap(RadioMap radioMap) {
        this.radioMap = radioMap;
        return this;
    }

    /** The UE's planned route, if known. */
    public OrchestratorBuilder route(Route route) {
        this.route = route;
        return this;
    }

    /** The radios the UE uses, highest priority first (default: wifi, 5G, 4G). */
    public OrchestratorBuilder radios(List<RadioType> radios) {
        this.radios = List.copyOf(radios);
        return this;
    }

    /** The strategies to choose from (default: all the backends on the class path provide). */
    public OrchestratorBuilder strategies(List<StrategyOption> strategies) {
        this.strategies = List.copyOf(strategies);
        return this;
    }

    /** The link's rate in bit/s for the time budget (0, the default, for unshaped). */
    public OrchestratorBuilder link(long bitsPerSecond) {
        this.linkBitsPerSecond = bitsPerSecond;
        return this;
    }

    /**
     * A cost model to start from, for example one that already {@link CostModel#learn learned} from earlier
     * measurements of these strategies on these hosts (replaces {@link #link(long)}).
     */
    public OrchestratorBuilder costs(CostModel costs) {
        this.costs = Objects.requireNonNull(costs, "costs");
        return this;
    }

    /** Mobility seconds per wall-clock second (the sandbox's time scale). */
    public OrchestratorBuilder timeScale(double timeScale) {
        this.timeScale = timeScale;
        return this;
    }

    public OrchestratorBuilder settings(OrchestratorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    public Orchestrator build() {
        if (placement == null) {
            throw new IllegalStateException("no placement map: call placement(...) with the PoA or zone to host map");
        }
        List<HandoverPredictor> chain = new ArrayList<>();
        if (route != null && radioMap != null) {
            chain.add(new RoutePredictor(route, radioMap, radios, ROUTE_HORIZON));
        }
        chain.add(new CellHistoryPredictor(Duration.ofMillis((long) (ROUTE_HORIZON / timeScale * 1000))));
        if (radioMap != null) {
            chain.add(new DeadReckoningPredictor(radioMap, radios, STRAIGHT_LINE_HORIZON));
        }
        List<StrategyOption> options = strategies != null ? strategies : StrategyOption.available();
        return new Orchestrator(ue, app, placement, new PredictorChain(chain),
                new StrategyChooser(options, costs != null ? costs : new CostModel(linkBitsPerSecond)), timeScale, settings);
    }
}
