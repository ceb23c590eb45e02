package io.mecmig.orchestrator.live;

/**
 * One MEC 013 {@code zonalPresenceNotification}: a UE entered, left or moved within a zone.
 *
 * @param address the UE's address
 * @param zoneId the zone
 * @param eventType {@code Entering}, {@code Leaving} or {@code Transferring}
 * @param currentAccessPointId the PoA now serving it (may be empty)
 */
public record ZoneNotice(String address, String zoneId, String eventType, String currentAccessPointId) {
}
