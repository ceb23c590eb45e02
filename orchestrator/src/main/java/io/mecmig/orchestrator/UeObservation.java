package io.mecmig.orchestrator;

import io.mecmig.sandbox.scenario.GeoPoint;
import java.time.Instant;
import java.util.Objects;

/**
 * What the Location API said about a UE at one moment: the orchestrator's main input.
 *
 * @param address the UE's address, e.g. {@code 10.100.0.1}
 * @param at when it was observed (wall clock)
 * @param accessPointId the serving PoA, or null while disconnected
 * @param zoneId the serving zone, or null while disconnected
 * @param location where the UE is, or null if not reported
 * @param speedMps horizontal speed in metres per scenario second, or NaN if not reported
 * @param bearingDegrees heading, degrees clockwise from north, or NaN if not reported
 */
public record UeObservation(String address, Instant at, String accessPointId, String zoneId, GeoPoint location,
                            double speedMps, double bearingDegrees) {

    public UeObservation {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(at, "at");
    }

    /** An observation with only the attachment known (as a notification gives it). */
    public static UeObservation attachment(String address, Instant at, String accessPointId, String zoneId) {
        return new UeObservation(address, at, accessPointId, zoneId, null, Double.NaN, Double.NaN);
    }

    /** Whether a PoA serves the UE. */
    public boolean connected() {
        return accessPointId != null;
    }

    /** Whether speed and bearing were reported. */
    public boolean hasVelocity() {
        return !Double.isNaN(speedMps) && !Double.isNaN(bearingDegrees);
    }
}
