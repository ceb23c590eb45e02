package io.mecmig.orchestrator.predict;

import java.time.Duration;

/**
 * A predicted stretch of time on one PoA, relative to the moment of the prediction (wall-clock time).
 *
 * @param accessPointId the PoA, or null for no coverage
 * @param zoneId its zone, or null
 * @param from when it starts serving (zero for the current PoA)
 * @param until when the next one takes over
 */
public record Visit(String accessPointId, String zoneId, Duration from, Duration until) {
}
