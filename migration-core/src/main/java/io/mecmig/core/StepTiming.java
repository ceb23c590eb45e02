package io.mecmig.core;

import java.time.Duration;
import java.time.Instant;

/**
 * When one step ran and what it cost.
 *
 * @param phase the phase it belongs to
 * @param step the step's name
 * @param side where it worked
 * @param start wall-clock start
 * @param duration how long it took (monotonic clock)
 * @param linkBytes bytes it sent across the link
 * @param inDowntime whether it ran while the app served nowhere: from the first step that stops the service until
 *                   the app answered its readiness check on the target; the step's event and the report agree
 * @param succeeded false for the step that failed
 */
public record StepTiming(Phase phase, String step, Side side, Instant start, Duration duration, long linkBytes,
                         boolean inDowntime, boolean succeeded) {
}
