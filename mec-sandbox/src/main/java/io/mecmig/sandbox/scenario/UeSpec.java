package io.mecmig.sandbox.scenario;

import java.util.List;

/**
 * A UE of the scenario.
 *
 * @param id             its address, e.g. {@code 10.100.0.1}
 * @param ueClass        stationary, low or high velocity
 * @param start          where it starts (the first point of its path, if it has one)
 * @param path           the points it walks along; empty for a stationary UE
 * @param eopMode        what it does at the end of the path
 * @param velocityMps    its speed in metres per second (0 when stationary)
 * @param wirelessTypes  radios it can use, highest priority first
 * @param initialPoa     the PoA it is attached to at time zero, or null
 * @param startOffsetMeters how far along its path it starts (non-zero only for UEs added beyond the scenario's own)
 */
public record UeSpec(String id, UeClass ueClass, GeoPoint start, List<GeoPoint> path, EopMode eopMode,
                     double velocityMps, List<RadioType> wirelessTypes, String initialPoa,
                     double startOffsetMeters) {
    public UeSpec {
        path = List.copyOf(path);
        wirelessTypes = List.copyOf(wirelessTypes);
    }

    /** True when the UE moves. */
    public boolean moving() {
        return path.size() >= 2 && velocityMps > 0;
    }

    /** The same UE under another address, starting {@code offsetMeters} along the path, with no initial PoA. */
    public UeSpec copyAs(String newId, double offsetMeters) {
        return new UeSpec(newId, ueClass, start, path, eopMode, velocityMps, wirelessTypes, null, offsetMeters);
    }
}
