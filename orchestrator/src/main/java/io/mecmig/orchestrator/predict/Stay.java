package io.mecmig.orchestrator.predict;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of time during which one PoA (or none: disconnected) served the UE.
 *
 * @param accessPointId the PoA, or null while disconnected
 * @param zoneId its zone, or null
 * @param entered first observation on it
 * @param left first observation on the next one, or null while it still serves
 * @param cameFrom the PoA before it (null for none or unknown)
 */
public record Stay(String accessPointId, String zoneId, Instant entered, Instant left, String cameFrom) {

    /** Whether the UE is still here. */
    public boolean current() {
        return left == null;
    }

    /** How long it lasted (until {@code now} for the current stay). */
    public Duration length(Instant now) {
        return Duration.between(entered, left == null ? now : left);
    }
}
