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

    /**
     * Checks that no component is null.
     *
     * @param name a short verb phrase shown in step tables, for example {@code docker export}
     * @param side where the work happens; LINK steps are the ones that move bytes between hosts
     * @param effect whether the step stops or starts the service
     * @param action the work
     */
    public Step {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(action, "action");
    }

    /**
     * A step done on the source host.
     *
     * @param name   a short verb phrase for step tables
     * @param action the work
     * @return the step
     */
    public static Step onSource(String name, StepAction action) {
        return new Step(name, Side.SOURCE, ServiceEffect.NONE, action);
    }

    /**
     * A step done on the link between the hosts (it moves bytes).
     *
     * @param name   a short verb phrase for step tables
     * @param action the work
     * @return the step
     */
    public static Step onLink(String name, StepAction action) {
        return new Step(name, Side.LINK, ServiceEffect.NONE, action);
    }

    /**
     * A step done on the target host.
     *
     * @param name   a short verb phrase for step tables
     * @param action the work
     * @return the step
     */
    public static Step onTarget(String name, StepAction action) {
        return new Step(name, Side.TARGET, ServiceEffect.NONE, action);
    }

    /**
     * This step, marked as the one that stops the app on the source: the downtime starts with it.
     *
     * @return a copy of this step with that mark
     */
    public Step stopsService() {
        return new Step(name, side, ServiceEffect.STOPS_SERVICE, action);
    }

    /**
     * This step, marked as the one that starts the app on the target: the paper's downtime ends with it.
     *
     * @return a copy of this step with that mark
     */
    public Step startsService() {
        return new Step(name, side, ServiceEffect.STARTS_SERVICE, action);
    }
}
