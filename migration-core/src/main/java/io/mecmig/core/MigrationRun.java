package io.mecmig.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine: runs one migration's phases, measures downtime and state, and rolls back on failure. */
final class MigrationRun {

    /** How long one UE check waits for a host's answer before that host counts as not answering for now. */
    private static final Duration UE_PATIENCE = Duration.ofMillis(100);


    private static final Logger LOG = LoggerFactory.getLogger(MigrationRun.class);

    /** The run's settings; {@code journal} is null for a run without one. */
    record Options(boolean ueProbe, Duration probeInterval, StateLossPolicy stateLoss, Journal journal) {
    }

    private final AppSpec app;
    private final Host source;
    private final Host target;
    private final Strategy strategy;
    private final Options options;
    private final RunContext context;
    private final EventBus bus;
    private final Instant started = Instant.now();
    private boolean finished;

    MigrationRun(String id, AppSpec app, Host source, Host target, Strategy strategy, LinkProfile link,
                 EventBus.Registrations listeners, Options options) {
        this.app = app;
        this.source = source;
        this.target = target;
        this.strategy = strategy;
        this.options = options;
        this.context = new RunContext(id, app, source, target, link);
        this.bus = listeners.bus(context::warn);
    }

    String id() {
        return context.migrationId();
    }

    PreRelocation preRelocate() {
        InFlight.acquire(source, app);
        try {
            context.journal(options.journal() == null ? JournalFile.OFF
                    : options.journal().begin(id(), app, source, target, strategy));
        } catch (RuntimeException e) {
            InFlight.release(source, app);
            throw e;
        }
        warnIfStrategyFallsShort();
        PhaseRun phase = new PhaseRun(Phase.PRE_RELOCATION, context, bus);
        try {
            for (Step step : strategy.steps(Phase.PRE_RELOCATION)) {
                phase.run(step);
            }
        } catch (PhaseRun.StepFailure failure) {
            PhaseReport pre = phase.finish();
            RollbackReport rollback = rollBack(Phase.PRE_RELOCATION, failure, false);
            tidyUp();
            throw failed(Phase.PRE_RELOCATION, failure, rollback, report(pre, null, null, null, null, rollback,
                    Outcome.ROLLED_BACK, failure));
        }
        PhaseReport done = phase.finish();
        try {
            context.journal().preRelocated();
        } catch (RuntimeException e) {
            abort(); // a migration the journal cannot follow must not go on to stop the app
            throw e;
        }
        return new PreRelocation(this, done);
    }

    MigrationReport relocate(PhaseReport pre) {
        if (finished) {
            throw new IllegalStateException("migration " + id() + " already relocated or aborted");
        }
        PhaseRun phase = new PhaseRun(Phase.RELOCATION, context, bus);
        ServedAnywhere served = new ServedAnywhere(app.readiness(),
                List.of(() -> source.serviceAddress(app), () -> target.serviceAddress(app)), UE_PATIENCE);
        DowntimeProbe probe = options.ueProbe() ? DowntimeProbe.start(served, options.probeInterval()) : null;
        if (probe != null && !probe.awaitFirstAnswer(app.readinessTimeout())) {
            context.warn("the UE probe got no answer from the source before relocation: its downtime may be too low");
        }
        StateCapture state = new StateCapture();
        try {
            for (Step step : strategy.steps(Phase.RELOCATION)) {
                if (step.effect() == ServiceEffect.STOPS_SERVICE && phase.downtimeStart() < 0) {
                    state.before = app.stateProbe().read(source.serviceAddress(app)).orElse(null);
                    if (state.before != null) {
                        context.put(Key.journaled(JournalEntries.STATE_BEFORE), state.before.json());
                    }
                }
                phase.run(step);
            }
            phase.run(Step.onTarget("await readiness", ctx -> Readiness.await(app.readiness(),
                    target.serviceAddress(app), app.readinessTimeout(), Duration.ofMillis(10))));
            phase.appReady();
            phase.run(Step.onTarget("verify state", ctx -> state.verify()));
        } catch (PhaseRun.StepFailure failure) {
            boolean stopped = phase.downtimeStart() >= 0;
            PhaseReport reloc = phase.finish();
            RollbackReport rollback = rollBack(Phase.RELOCATION, failure, stopped);
            ProbeResult seen = probe == null ? null : probe.stop();
            served.close();
            Downtime downtime = stopped ? downtime(phase, seen) : null;
            Outcome outcome = rollback.sourceState() == SourceState.NOT_SERVING ? Outcome.FAILED : Outcome.ROLLED_BACK;
            if (outcome == Outcome.FAILED) {
                leaveForRecovery();
            } else {
                tidyUp();
            }
            throw failed(Phase.RELOCATION, failure, rollback, report(pre, reloc, downtime, state.check(), null,
                    rollback, outcome, failure));
        }
        ProbeResult seen = probe == null ? null : stopProbeAfterTail(probe);
        served.close();
        PhaseReport reloc = phase.finish();
        StateCheck check = state.check();
        Viability viability = new Viability(true, !context.manualInputs().isEmpty(),
                context.manualInputs().isEmpty() ? null : String.join("; ", context.manualInputs()),
                check.preserved());
        tidyUp(); // every figure is taken: off the clock
        MigrationReport report = report(pre, reloc, downtime(phase, seen), check, viability, null,
                Outcome.COMPLETED, null);
        finish(report);
        return report;
    }

    void abort() {
        if (finished) {
            return;
        }
        for (Step step : strategy.rollback(Phase.PRE_RELOCATION)) {
            try {
                step.action().run(context);
            } catch (Exception e) {
                LOG.warn("abort of {}: '{}' failed: {}", id(), step.name(), e.toString());
            }
        }
        finished = true;
        endJournal(JournalEntries.ABORTED, "aborted after pre-relocation");
        InFlight.release(source, app);
        tidyUp();
    }

    /**
     * Runs the work for after the migration, once it has ended and its figures are taken; a failure is a warning, the
     * migration's outcome stands.
     */
    private void tidyUp() {
        for (Step step : afterWork()) {
            try {
                step.action().run(context);
            } catch (Exception | LinkageError e) {
                String message = "after the migration, '" + step.name() + "' failed: " + e.getMessage()
                        + "; the migration's outcome stands, only the clean-up is left undone";
                context.warn(message);
                LOG.warn(message, e);
            }
        }
    }

    /**
     * After a migration that left the app serving nowhere: the work added for after it is not done, since what it
     * would remove (a checkpoint, a transfer image) may be the only way left to bring the app back.
     */
    private void leaveForRecovery() {
        List<Step> skipped = afterWork();
        if (!skipped.isEmpty()) {
            context.warn("the app serves nowhere, so the clean-up after the migration was not done ("
                    + String.join(", ", skipped.stream().map(Step::name).toList())
                    + "): its checkpoints and images are kept for 'mecmig recover' or a start by hand");
        }
    }

    /**
     * The work for after the migration: what its steps added ({@link StepContext#afterMigration}), each once, then the
     * strategy's own ({@link Strategy#afterMigration}).
     */
    private List<Step> afterWork() {
        List<Step> work = new ArrayList<>(context.takeAfterMigration());
        work.addAll(strategy.afterMigration());
        return work;
    }

    /** Writes the journal's last entry; a failure here must not hide the migration's own outcome. */
    private void endJournal(String event, String detail) {
        try {
            context.journal().ended(event, detail);
        } catch (RuntimeException e) {
            String message = "could not close the journal of " + id() + ": " + e.getMessage()
                    + "; 'mecmig recover' will list it as unfinished";
            context.warn(message);
            LOG.warn(message);
        }
    }

    private ProbeResult stopProbeAfterTail(DowntimeProbe probe) {
        // A few more calls after readiness, so a gap that closed just now ends at an observed answer.
        try {
            Thread.sleep(options.probeInterval().toMillis() * 3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return probe.stop();
    }

    private Downtime downtime(PhaseRun phase, ProbeResult seen) {
        long readyNanos = phase.ready();
        long from = phase.downtimeStart();
        Duration paper = phase.serviceStarted() >= 0 ? Duration.ofNanos(phase.serviceStarted() - from) : null;
        Duration untilReady = readyNanos >= 0 ? Duration.ofNanos(readyNanos - from) : null;
        return new Downtime(paper, untilReady, seen);
    }

    private void warnIfStrategyFallsShort() {
        if (!strategy.preserves().covers(app.needs())) {
            String message = "strategy " + strategy.name() + " carries " + strategy.preserves() + " but app '"
                    + app.container() + "' needs " + app.needs() + ": its "
                    + (app.needs() == StateNeeds.FULL_STATE ? "memory" : "user") + " state will be lost on the target"
                    + fix();
            context.warn(message);
            LOG.warn(message);
            bus.publish(new MigrationEvent.Warning(id(), Instant.now(), message));
        }
    }

    /** How to keep the state: the strategies on the class path that carry enough of it. */
    private String fix() {
        java.util.List<String> enough = Strategies.available().values().stream()
                .filter(s -> s.preserves().covers(app.needs())).map(Strategy::name).toList();
        return enough.isEmpty() ? "; no strategy on the class path carries " + app.needs() + ": add a backend that does"
                : "; to keep it, use " + String.join(" or ", enough);
    }

    private RollbackReport rollBack(Phase phase, PhaseRun.StepFailure failure, boolean serviceStopped) {
        String reason = failure.step.name() + ": " + failure.getCause().getMessage();
        bus.publish(new MigrationEvent.RollbackStarted(id(), Instant.now(), phase, reason));
        List<String> actions = new ArrayList<>();
        for (Step step : strategy.rollback(phase)) {
            try {
                step.action().run(context);
                actions.add(step.name() + ": done");
            } catch (Exception e) {
                actions.add(step.name() + ": FAILED (" + e.getMessage() + ")");
                LOG.warn("rollback of {}: '{}' failed", id(), step.name(), e);
            }
        }
        SourceState state = sourceStateAfterRollback(serviceStopped, actions);
        RollbackReport report = new RollbackReport(reason, actions, state);
        bus.publish(new MigrationEvent.RollbackCompleted(id(), Instant.now(), report));
        finished = true;
        endJournal(JournalEntries.ROLLED_BACK, state.name() + ": " + reason);
        InFlight.release(source, app);
        return report;
    }

    private SourceState sourceStateAfterRollback(boolean serviceStopped, List<String> actions) {
        try {
            Readiness.await(app.readiness(), source.serviceAddress(app), app.readinessTimeout(), Duration.ofMillis(10));
            actions.add("source answers its readiness check: yes");
            return serviceStopped ? SourceState.RESTORED : SourceState.UNTOUCHED;
        } catch (MigrationException e) {
            actions.add("source answers its readiness check: NO (" + e.getMessage() + ")");
            return SourceState.NOT_SERVING;
        }
    }

    private StepFailedException failed(Phase phase, PhaseRun.StepFailure failure, RollbackReport rollback,
                                       MigrationReport report) {
        bus.publish(new MigrationEvent.MigrationFinished(id(), Instant.now(), report));
        return new StepFailedException(phase, failure.step.name(), failure.step.side(), rollback.sourceState(),
                failure.getCause(), report);
    }

    private void finish(MigrationReport report) {
        finished = true;
        endJournal(JournalEntries.COMPLETED, "serves from " + target.name());
        InFlight.release(source, app);
        bus.publish(new MigrationEvent.MigrationFinished(id(), Instant.now(), report));
    }

    private MigrationReport report(PhaseReport pre, PhaseReport reloc, Downtime downtime, StateCheck check,
                                   Viability viability, RollbackReport rollback, Outcome outcome,
                                   PhaseRun.StepFailure failure) {
        String message = failure == null ? null : failure.step.name() + ": " + failure.getCause().getMessage();
        return new MigrationReport(id(), app.container(), strategy.name(), source.name(), target.name(),
                context.link(), started, pre, reloc, downtime, Map.copyOf(context.measures()), check, viability,
                outcome, message, rollback, context.notes(), context.warnings());
    }

    /** The app's state before the stop and after the start, and the verdict on them. */
    private final class StateCapture {
        private AppState before;
        private AppState after;
        private StateVerdict verdict;

        void verify() {
            if (app.stateProbe() == StateProbe.none()) {
                verdict = StateVerdict.kept("the app keeps no state");
                return;
            }
            after = readAfter().orElse(null);
            if (before == null || after == null) {
                verdict = StateVerdict.lost("state could not be read " + (before == null ? "on the source before the"
                        + " stop" : "on the target after the start"));
            } else {
                verdict = app.stateProbe().compare(before, after);
                app.stateProbe().untelling(before).ifPresent(why -> context.note(
                        "the state check could not fail: " + why + " (let the app gather state before moving it)"));
            }
            if (!verdict.preserved() && options.stateLoss() == StateLossPolicy.ROLL_BACK) {
                throw new StateLostException(app.container(), verdict.detail());
            }
        }

        private Optional<AppState> readAfter() {
            long deadline = System.nanoTime() + app.readinessTimeout().toNanos();
            Optional<AppState> state = app.stateProbe().read(target.serviceAddress(app));
            while (state.isEmpty() && System.nanoTime() < deadline) {
                sleepBriefly();
                state = app.stateProbe().read(target.serviceAddress(app));
            }
            return state;
        }

        private void sleepBriefly() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MigrationException("interrupted while reading the app's state", e);
            }
        }

        StateCheck check() {
            if (verdict == null) {
                return null;
            }
            return new StateCheck(app.needs(), strategy.preserves(), before == null ? null : before.json(),
                    after == null ? null : after.json(), verdict.preserved(), verdict.detail());
        }
    }
}
