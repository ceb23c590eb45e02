package io.mecmig.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs the steps of one phase one by one, timing each, counting its link bytes and publishing events. */
final class PhaseRun {

    /** A step as it ran, on the monotonic clock. */
    record Ran(Step step, Instant start, long startNanos, long endNanos, long linkBytes, boolean succeeded) {
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
        bus.publish(new MigrationEvent.StepStarted(context.migrationId(), at, phase, step.name(), step.side()));
        context.takeStepLinkBytes();
        try {
            context.journal().stepStarted(phase, step); // a failed write fails the step before it runs
            step.action().run(context);
            context.journal().stepCompleted(phase, step);
        } catch (Exception | LinkageError e) {
            Ran failed = new Ran(step, at, begin, System.nanoTime(), context.takeStepLinkBytes(), false);
            ran.add(failed);
            bus.publish(new MigrationEvent.StepFailed(context.migrationId(), Instant.now(), timing(failed, -1, -1),
                    String.valueOf(e.getMessage())));
            throw new StepFailure(step, e);
        }
        Ran ok = new Ran(step, at, begin, System.nanoTime(), context.takeStepLinkBytes(), true);
        ran.add(ok);
        if (step.effect() == ServiceEffect.STARTS_SERVICE) {
            serviceStarted = ok.endNanos();
        }
        bus.publish(new MigrationEvent.StepCompleted(context.migrationId(), Instant.now(), timing(ok, -1, -1)));
    }

    /** Monotonic time the first service-stopping step began, or -1 if none ran. */
    long downtimeStart() {
        return downtimeStart;
    }

    /** Monotonic time the service-starting step ended, or -1 if none completed. */
    long serviceStarted() {
        return serviceStarted;
    }

    /**
     * The phase's report; steps inside {@code [downFrom, downTo]} (monotonic) are marked as downtime.
     * Pass -1 for no downtime; {@code downTo} -1 with {@code downFrom} set means "until the phase's end".
     */
    PhaseReport finish(long downFrom, long downTo) {
        long end = ran.isEmpty() ? startNanos : ran.get(ran.size() - 1).endNanos();
        List<StepTiming> timings = ran.stream().map(r -> timing(r, downFrom, downTo)).toList();
        PhaseReport report = new PhaseReport(phase, start, Duration.ofNanos(end - startNanos), timings);
        bus.publish(new MigrationEvent.PhaseCompleted(context.migrationId(), Instant.now(), report));
        return report;
    }

    private StepTiming timing(Ran r, long downFrom, long downTo) {
        boolean down = downFrom >= 0 && r.startNanos() >= downFrom && (downTo < 0 || r.endNanos() <= downTo);
        return new StepTiming(phase, r.step().name(), r.step().side(), r.start(),
                Duration.ofNanos(r.endNanos() - r.startNanos()), r.linkBytes(), down, r.succeeded());
    }
}
