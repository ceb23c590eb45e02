package io.mecmig.core;

import java.util.Objects;

/**
 * One named, timed piece of a strategy, done on one side.
 *
 * @param name a short verb phrase shown in step tables, for example {@code docker export}
 * @param side where the work happens; LINK steps are the ones that move bytes between hosts
 * @param effect whether the step stops or starts the service
 * @param action the work
 */
public record Step(String name, Side side, ServiceEffect effect, StepAction action) {

    public Step {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(action, "action");
    }

    public static Step onSource(String name, StepAction action) {
        return new Step(name, Side.SOURCE, ServiceEffect.NONE, action);
    }

    public static Step onLink(String name, StepAction action) {
        return new Step(name, Side.LINK, ServiceEffect.NONE, action);
    }

    public static Step onTarget(String name, StepAction action) {
        return new Step(name, Side.TARGET, ServiceEffect.NONE, action);
    }

    /** This step, marked as the one that stops the app on the source. */
    public Step stopsService() {
        return new Step(name, side, ServiceEffect.STOPS_SERVICE, action);
    }

    /** This step, marked as the one that starts the app on the target. */
    public Step startsService() {
        return new Step(name, side, ServiceEffect.STARTS_SERVICE, action);
    }
}
