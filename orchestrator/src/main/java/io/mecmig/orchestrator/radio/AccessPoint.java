package io.mecmig.orchestrator.radio;

import io.mecmig.sandbox.scenario.GeoPoint;
import java.util.Objects;

/**
 * A radio point of access (cell or WiFi AP) and the zone it belongs to.
 *
 * @param id its accessPointId
 * @param zoneId the zone it belongs to
 * @param location where it stands
 * @param radiusMeters its coverage radius
 * @param radio its radio type
 */
public record AccessPoint(String id, String zoneId, GeoPoint location, double radiusMeters, RadioType radio) {

    public AccessPoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zoneId, "zoneId");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(radio, "radio");
        if (!(radiusMeters > 0)) {
            throw new IllegalArgumentException("access point " + id + " needs a positive coverage radius, got " + radiusMeters);
        }
    }
}
