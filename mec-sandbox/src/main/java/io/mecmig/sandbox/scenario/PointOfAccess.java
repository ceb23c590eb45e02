package io.mecmig.sandbox.scenario;

/**
 * A radio point of access (cell or WiFi AP) of the scenario.
 *
 * @param id           access point id, e.g. {@code 4g-macro-cell-1}
 * @param radio        its radio technology
 * @param location     where it stands
 * @param radiusMeters coverage radius
 * @param cellId       E-UTRAN/NR cell id (4G/5G), or null
 * @param macId        MAC id (WiFi), or null
 * @param zoneId       the zone it belongs to
 */
public record PointOfAccess(String id, RadioType radio, GeoPoint location, double radiusMeters,
                            String cellId, String macId, String zoneId) {
}
