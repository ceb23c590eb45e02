package io.mecmig.orchestrator.radio;

import io.mecmig.sandbox.mobility.Geo;
import io.mecmig.sandbox.scenario.GeoPoint;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The radio layout the UEs move through: every point of access, its zone, place and coverage. Predictors use
 * it to tell which PoA would serve a UE at a future position, with the rule MEC platforms such as the ETSI
 * sandbox apply: keep the serving PoA while in range unless a higher-priority radio is in range; otherwise the
 * best radio, then the nearest PoA; none in range means disconnected.
 */
public final class RadioMap {

    private final Map<String, AccessPoint> byId = new LinkedHashMap<>();

    public RadioMap(List<AccessPoint> accessPoints) {
        for (AccessPoint p : accessPoints) {
            if (byId.putIfAbsent(p.id(), p) != null) {
                throw new IllegalArgumentException("access point " + p.id() + " is listed twice: ids must be unique");
            }
        }
        if (byId.isEmpty()) {
            throw new IllegalArgumentException("a radio map needs at least one access point");
        }
    }

    public List<AccessPoint> accessPoints() {
        return List.copyOf(byId.values());
    }

    public Optional<AccessPoint> accessPoint(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The zones, in the order their first access point appears. */
    public Set<String> zones() {
        Set<String> zones = new LinkedHashSet<>();
        byId.values().forEach(p -> zones.add(p.zoneId()));
        return zones;
    }

    /**
     * The PoA that would serve a UE at {@code where}.
     *
     * @param current the PoA serving it now, or null
     * @param radios the radios the UE can use, highest priority first
     * @return the serving PoA, or empty when none is in range
     */
    public Optional<AccessPoint> serving(AccessPoint current, GeoPoint where, List<RadioType> radios) {
        AccessPoint best = null;
        int bestRank = Integer.MAX_VALUE;
        double bestDistance = Double.MAX_VALUE;
        for (AccessPoint p : byId.values()) {
            int rank = radios.indexOf(p.radio());
            if (rank < 0) {
                continue;
            }
            double d = Geo.distanceMeters(where, p.location());
            if (d <= p.radiusMeters() && (rank < bestRank || (rank == bestRank && d < bestDistance))) {
                best = p;
                bestRank = rank;
                bestDistance = d;
            }
        }
        boolean keepCurrent = current != null && best != null && radios.indexOf(current.radio()) <= bestRank
                && Geo.distanceMeters(where, current.location()) <= current.radiusMeters();
        return Optional.ofNullable(keepCurrent ? current : best);
    }
}
