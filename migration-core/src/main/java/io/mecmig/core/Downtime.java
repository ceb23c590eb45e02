package io.mecmig.core;

import java.time.Duration;

/**
 * Service downtime, measured the paper's way and the UE's way.
 *
 * @param paper from the start of the step that stops the source app to the end of the step that starts it on
 *     the target (the paper's definition)
 * @param untilReady from the same start until the app on the target passed its readiness check
 * @param ueObserved the longest gap the UE-side probe saw; null when probing was off
 */
public record Downtime(Duration paper, Duration untilReady, ProbeResult ueObserved) {
}
