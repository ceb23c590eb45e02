package io.mecmig.orchestrator;

import io.mecmig.orchestrator.placement.PlacementMap;
import io.mecmig.orchestrator.plan.AppProfile;
import io.mecmig.orchestrator.plan.HandoverOutlook;
import io.mecmig.orchestrator.plan.StrategyChoice;
import io.mecmig.orchestrator.plan.StrategyChooser;
import io.mecmig.orchestrator.plan.StrategyOption;
import io.mecmig.orchestrator.plan.TimeWindow;
import io.mecmig.orchestrator.predict.Forecast;
import io.mecmig.orchestrator.predict.HandoverPredictor;
import io.mecmig.orchestrator.predict.MobilityHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The MEO's decisions for one UE and the app that follows it, as a pure state machine: {@link #handle} takes
 * an {@link OrchestratorEvent} and returns the {@link Decision}s to carry out. It does no I/O and keeps no
 * clock of its own (time is the observations' time), so another MEO can embed it, and recorded traces can
 * replay it. Not thread-safe: feed it from one thread.
 *
 * <p>What it does: places the app where the UE is; on each observation asks the predictor where the UE goes
 * next, maps that to a MEC host, and starts pre-relocation once the handover is near enough for the chosen
 * strategy; starts relocation when the UE hands over; aborts when the UE goes elsewhere; and counts the
 * handovers it cannot follow in time.
 */
public final class Orchestrator {

    private final String ue;
    private final AppProfile app;
    private final PlacementMap placement;
    private final HandoverPredictor predictor;
    private final StrategyChooser chooser;
    private final OrchestratorSettings settings;
    private final MobilityHistory history;
    private final List<MigrationRecord> records = new ArrayList<>();
    private int missed;
    private int sequence;
    private String servingHost;
    private String skippedTarget;
    private Pending pending;

    /**
     * @param ue the UE's address
     * @param app the app that follows it
     * @param placement which host serves which PoA or zone
     * @param predictor where the UE goes next
     * @param chooser how to move the app
     * @param timeScale mobility seconds per wall-clock second (the sandbox's time scale)
     */
    public Orchestrator(String ue, AppProfile app, PlacementMap placement, HandoverPredictor predictor,
                        StrategyChooser chooser, double timeScale, OrchestratorSettings settings) {
        this.ue = Objects.requireNonNull(ue, "ue");
        this.app = Objects.requireNonNull(app, "app");
        this.placement = Objects.requireNonNull(placement, "placement");
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.chooser = Objects.requireNonNull(chooser, "chooser");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.history = new MobilityHistory(timeScale);
    }

    /** A migration between its decision and its end. */
    private static final class Pending {
        final String id;
        final String source;
        final String target;
        final String strategy;
        final Instant decidedAt;
        final Duration lead;
        boolean prepared;
        boolean relocating;
        boolean relocateWhenReady;
        Duration preRelocation;

        Pending(String id, String source, String target, String strategy, Instant decidedAt, Duration lead) {
            this.id = id;
            this.source = source;
            this.target = target;
            this.strategy = strategy;
            this.decidedAt = decidedAt;
            this.lead = lead;
        }
    }

    /** Takes one event and returns what to do, in order (often nothing). */
    public List<Decision> handle(OrchestratorEvent event) {
        Objects.requireNonNull(event, "event");
        if (event instanceof OrchestratorEvent.UeObserved e) {
            return observed(e.observation());
        }
        if (event instanceof OrchestratorEvent.PreRelocationDone e) {
            return prepared(e);
        }
        if (event instanceof OrchestratorEvent.RelocationDone e) {
            return relocated(e);
        }
        return failed((OrchestratorEvent.MigrationFailed) event);
    }

    /** The host the app serves from now, or empty before it is placed. */
    public Optional<String> servingHost() {
        return Optional.ofNullable(servingHost);
    }

    /** Every migration started so far, and the tally. */
    public DriveSummary summary() {
        return DriveSummary.of(records, missed);
    }

    /** Whether a migration is under way (decided and not yet ended). */
    public boolean busy() {
        return pending != null;
    }

    /**
     * Ends the drive: a migration that has not reached relocation is aborted (the app stays where it serves);
     * one in relocation must be let finish (feed its outcome as usual).
     */
    public List<Decision> wrapUp() {
        if (pending == null || pending.relocating) {
            return List.of();
        }
        return List.of(abort(pending, "the drive ended before the UE handed over to " + pending.target));
    }

    /** The UE followed. */
    public String ue() {
        return ue;
    }

    private List<Decision> observed(UeObservation o) {
        if (!o.address().equals(ue)) {
            return List.of();
        }
        history.add(o);
        Optional<String> here = placement.hostFor(o.accessPointId(), o.zoneId());
        if (servingHost == null) {
            if (here.isEmpty()) {
                return List.of();
            }
            servingHost = here.get();
            return List.of(new Decision.Place(servingHost, "UE " + ue + " is at " + where(o) + ", served by "
                    + servingHost + " (" + placement.label() + " placement)"));
        }
        return pending == null ? whileServing(o, here) : whilePending(o, here);
    }

    private List<Decision> whileServing(UeObservation o, Optional<String> here) {
        if (here.isPresent() && here.get().equals(servingHost)) {
            skippedTarget = null;
        }
        if (here.isPresent() && !here.get().equals(servingHost)) {
            return handedOverUnannounced(o, here.get());
        }
        Optional<Forecast> forecast = predictor.forecast(history);
        Optional<HandoverOutlook> next = forecast.flatMap(f -> HandoverOutlook.next(f, placement, servingHost));
        if (next.isEmpty() || next.get().target().equals(skippedTarget)) {
            return List.of();
        }
        HandoverOutlook outlook = next.get();
        StrategyChoice choice = chooser.choose(app, outlook.window());
        if (choice.verdict() == StrategyChoice.Verdict.MISSED) {
            return List.of(); // decided at the handover itself, with the figures of that moment
        }
        Duration prepare = choice.estimate().orElseThrow().preRelocation();
        Duration trigger = Duration.ofNanos((long) (prepare.toNanos() * settings.triggerFactor()))
                .plus(settings.triggerSlack());
        if (outlook.window().lead().compareTo(trigger) > 0) {
            return List.of();
        }
        Forecast f = forecast.get();
        String why = String.format("%s predicts handover to %s (%s) in %s, then %s there [%s]; start now: "
                        + "pre-relocation needs about %s. %s", f.method(), outlook.target(), outlook.zoneId(),
                secs(outlook.window().lead()), stay(outlook.window()), f.basis(), secs(prepare), choice.reason());
        return List.of(start(o, outlook.target(), choice, outlook.window().lead(), false, why));
    }

    private List<Decision> handedOverUnannounced(UeObservation o, String here) {
        if (here.equals(skippedTarget)) {
            return List.of();
        }
        TimeWindow window = predictor.forecast(history)
                .map(f -> HandoverOutlook.current(f, placement, here).window())
                .orElse(HandoverOutlook.unknownStay());
        StrategyChoice choice = chooser.choose(app, window);
        if (choice.verdict() == StrategyChoice.Verdict.MISSED) {
            skippedTarget = here;
            missed++;
            return List.of(new Decision.Miss(servingHost, here, "UE " + ue + " is now at " + where(o) + ", served by "
                    + here + ". " + choice.reason()));
        }
        String why = "UE " + ue + " handed over to " + here + " (" + where(o) + ") with no migration prepared: "
                + "move now and relocate as soon as the target is ready. " + choice.reason();
        return List.of(start(o, here, choice, Duration.ZERO, true, why));
    }

    private Decision start(UeObservation o, String target, StrategyChoice choice, Duration lead, boolean handedOver,
                           String why) {
        String strategy = choice.strategy().orElseThrow().name();
        String id = app.name() + "-" + (++sequence);
        pending = new Pending(id, servingHost, target, strategy, o.at(), lead);
        pending.relocateWhenReady = handedOver;
        return new Decision.PreRelocate(id, servingHost, target, strategy, lead, choice.verdict(), why);
    }

    private List<Decision> whilePending(UeObservation o, Optional<String> here) {
        Pending p = pending;
        if (p.relocating) {
            return List.of();
        }
        if (here.isPresent() && here.get().equals(p.target)) {
            if (p.prepared) {
                p.relocating = true;
                return List.of(new Decision.Relocate(p.id, p.source, p.target, "UE " + ue + " handed over to "
                        + p.target + " (" + where(o) + ")"));
            }
            p.relocateWhenReady = true;
            return List.of();
        }
        if (here.isPresent() && !here.get().equals(p.source)) {
            List<Decision> out = new ArrayList<>();
            out.add(abort(p, "UE " + ue + " went to " + here.get() + " (" + where(o) + "), not to " + p.target));
            out.addAll(whileServing(o, here));
            return out;
        }
        if (here.isPresent()) {
            p.relocateWhenReady = false; // back with the source before the target was ready: stay
        }
        Optional<HandoverOutlook> next = predictor.forecast(history)
                .flatMap(f -> HandoverOutlook.next(f, placement, p.source));
        if (next.isPresent() && !next.get().target().equals(p.target)) {
            List<Decision> out = new ArrayList<>();
            out.add(abort(p, "the UE now heads for " + next.get().target() + ", not " + p.target));
            out.addAll(whileServing(o, here));
            return out;
        }
        Instant overdue = p.decidedAt.plus(p.lead).plus(p.lead).plus(settings.abortGrace());
        if (next.isEmpty() && o.at().isAfter(overdue)) {
            return List.of(abort(p, "the handover to " + p.target + " predicted for "
                    + secs(p.lead) + " after the decision did not come, and no longer is predicted"));
        }
        return List.of();
    }

    private Decision abort(Pending p, String why) {
        records.add(new MigrationRecord(p.id, p.source, p.target, p.strategy, MigrationRecord.Status.ABORTED,
                p.decidedAt, p.lead, p.preRelocation, null, false, why));
        pending = null;
        return new Decision.Abort(p.id, why);
    }

    private List<Decision> prepared(OrchestratorEvent.PreRelocationDone e) {
        Pending p = pending;
        if (p == null || !p.id.equals(e.migrationId())) {
            learnFromAborted(e);
            return List.of();
        }
        p.prepared = true;
        p.preRelocation = e.took();
        // Learnt now, not at the end of the move: the next decision (perhaps after this move fails) needs it.
        option(p.strategy).ifPresent(o -> chooser.costs().learnPreRelocation(o, app, e.took()));
        if (p.relocateWhenReady) {
            p.relocating = true;
            return List.of(new Decision.Relocate(p.id, p.source, p.target, "target ready after " + secs(e.took())
                    + "; the UE is already with " + p.target));
        }
        return List.of();
    }

    /** An aborted migration's phase 1 still ran to its end on the hosts: its time tells what phase 1 costs here. */
    private void learnFromAborted(OrchestratorEvent.PreRelocationDone e) {
        records.stream().filter(r -> r.id().equals(e.migrationId()) && r.status() == MigrationRecord.Status.ABORTED)
                .findFirst().flatMap(r -> option(r.strategy()))
                .ifPresent(option -> chooser.costs().learnPreRelocation(option, app, e.took()));
    }

    private Optional<StrategyOption> option(String strategy) {
        return chooser.options().stream().filter(o -> o.name().equals(strategy)).findFirst();
    }

    private List<Decision> relocated(OrchestratorEvent.RelocationDone e) {
        Pending p = pending;
        if (p == null || !p.id.equals(e.migrationId())) {
            return List.of();
        }
        records.add(new MigrationRecord(p.id, p.source, p.target, p.strategy, MigrationRecord.Status.COMPLETED,
                p.decidedAt, p.lead, p.preRelocation, e.downtime(), e.statePreserved(), e.stateDetail()));
        option(p.strategy).ifPresent(o -> chooser.costs().learnDowntime(o, app, e.downtime()));
        servingHost = p.target;
        pending = null;
        return history.isEmpty() ? List.of() : observedAgain();
    }

    private List<Decision> failed(OrchestratorEvent.MigrationFailed e) {
        Pending p = pending;
        if (p == null || !p.id.equals(e.migrationId())) {
            return List.of();
        }
        records.add(new MigrationRecord(p.id, p.source, p.target, p.strategy, MigrationRecord.Status.FAILED,
                p.decidedAt, p.lead, p.preRelocation, null, false, e.phase() + ": " + e.reason()));
        skippedTarget = p.target; // the app serves from the source again; do not retry this handover
        pending = null;
        return List.of();
    }

    /** Re-reads the latest observation: the UE may have moved on while the app was moving. */
    private List<Decision> observedAgain() {
        UeObservation last = history.latest();
        return whileServing(last, placement.hostFor(last.accessPointId(), last.zoneId()));
    }

    private static String where(UeObservation o) {
        return o.connected() ? o.accessPointId() + " in " + o.zoneId() : "no coverage";
    }

    private static String stay(TimeWindow w) {
        return (w.dwellAtLeast() ? "at least " : "") + secs(w.dwell());
    }

    private static String secs(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
