package io.mecmig.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the steps of one phase one by one, timing each, counting its link bytes and publishing events.
 * It is the one place that decides whether a step fell inside the downtime: from the first step that stops the
 * service up to the moment the app is {@linkplain #appReady() ready} on the target again. The decision is taken
 * when the step runs and kept with it, so the {@code StepCompleted}/{@code StepFailed} events and the phase's report
 * always agree.
 */
final class PhaseRun {

    /** A step as it ran, on the monotonic clock. */
    record Ran(Step step, Instant start, long startNanos, long endNanos, long linkBytes, boolean inDowntime,
               boolean succeeded) {
    }

    /** A step threw; the phase stops there. */
    static final class StepFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Step step;

        StepFailure(Step step, Throwable cause) {
            super(cause);
            this.step = step;
        }
    }

    private final Phase phase;
    private final RunContext context;
    private final EventBus bus;
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();
    private final List<Ran> ran = new ArrayList<>();
    private long downtimeStart = -1;
    private long serviceStarted = -1;
    private long ready = -1;

    PhaseRun(Phase phase, RunContext context, EventBus bus) {
        this.phase = phase;
        this.context = context;
        this.bus = bus;
        context.phase(phase);
        context.journal().phase(phase);
        bus.publish(new MigrationEvent.PhaseStarted(context.migrationId(), start, phase));
    }

    void run(Step step) throws StepFailure {
        Instant at = Instant.now();
        long begin = System.nanoTime();
        if (step.effect() == ServiceEffect.STOPS_SERVICE && downtimeStart < 0) {
            downtimeStart = begin;
        }
        boolean down = inDowntime();
        bus.publish(new MigrationEvent.StepStarted(context.migrationId(), at, phase, step.name(), step.side()));
        context.takeStepLinkBytes();
        try {
            context.journal().stepStarted(phase, step); // a failed write fails the step before it runs
            step.action().run(context);
            context.journal().stepCompleted(phase, step);
        } catch (Exception | LinkageError e) {
            Ran failed = new Ran(step, at, begin, System.nanoTime(), context.takeStepLinkBytes(), down, false);
            ran.add(failed);
            bus.publish(new MigrationEvent.StepFailed(context.migrationId(), Instant.now(), timing(failed),
                    String.valueOf(e.getMessage())));
            throw new StepFailure(step, e);
        }
        Ran ok = new Ran(step, at, begin, System.nanoTime(), context.takeStepLinkBytes(), down, true);
        ran.add(ok);
        if (step.effect() == ServiceEffect.STARTS_SERVICE) {
            serviceStarted = ok.endNanos();
        }
        bus.publish(new MigrationEvent.StepCompleted(context.migrationId(), Instant.now(), timing(ok)));
    }

    /** Whether a step starting now runs while the app serves nowhere: after the stop, before it is ready again. */
    private boolean inDowntime() {
        return downtimeStart >= 0 && ready < 0;
    }

    /**
     * Marks the app as ready on the target (it answered its readiness check): the steps that follow are no longer
     * in the downtime. Only the first call counts.
     */
    void appReady() {
        if (ready < 0) {
            ready = System.nanoTime();
        }
    }

    /** Monotonic time the app was marked ready, or -1 if it was not. */
    long ready() {
        return ready;
    }

    /** Monotonic time the first service-stopping step began, or -1 if none ran. */
    long downtimeStart() {
        return downtimeStart;
    }

    /** Monotonic time the service-starting step ended, or -1 if none completed. */
    long serviceStarted() {
        return serviceStarted;
    }

    /** The phase's report, each step marked in or out of the downtime as its events said. */
    PhaseReport finish() {
        long end = ran.isEmpty() ? startNanos : ran.get(ran.size() - 1).endNanos();
        List<StepTiming> timings = ran.stream().map(this::timing).toList();
        PhaseReport report = new PhaseReport(phase, start, Duration.ofNanos(end - startNanos), timings);
        bus.publish(new MigrationEvent.PhaseCompleted(context.migrationId(), Instant.now(), report));
        return report;
    }

    private StepTiming timing(Ran r) {
        return new StepTiming(phase, r.step().name(), r.step().side(), r.start(),
                Duration.ofNanos(r.endNanos() - r.startNanos()), r.linkBytes(), r.inDowntime(), r.succeeded());
    }
}
