package io.mecmig.sandbox.mobility;

import io.mecmig.sandbox.scenario.GeoPoint;
import io.mecmig.sandbox.scenario.PointOfAccess;
import io.mecmig.sandbox.scenario.RadioType;
import java.util.List;

/**
 * Chooses a UE's point of access, the way the ETSI MEC Sandbox does:
 * a PoA is in range when the geodesic distance is within its radius; the UE keeps its PoA while in range
 * unless a PoA of a higher-priority radio is in range; among candidates the highest-priority radio wins and
 * then the nearest PoA; with none in range the UE is disconnected.
 */
public final class PoaSelector {
    private final List<PointOfAccess> poas;

    public PoaSelector(List<PointOfAccess> poas) {
        this.poas = List.copyOf(poas);
    }

    /**
     * The PoA serving a UE at {@code where}.
     *
     * @param current  the PoA serving it now, or null
     * @param where    its position
     * @param radios   the radios it can use, highest priority first
     * @return the new serving PoA, or null when none is in range
     */
    public PointOfAccess select(PointOfAccess current, GeoPoint where, List<RadioType> radios) {
        PointOfAccess best = null;
        int bestRank = Integer.MAX_VALUE;
        double bestDistance = Double.MAX_VALUE;
        for (PointOfAccess p : poas) {
            int rank = radios.indexOf(p.radio());
            if (rank < 0) {
                continue;
            }
            double d = Geo.distanceMeters(where, p.location());
            if (d > p.radiusMeters()) {
                continue;
            }
            if (rank < bestRank || (rank == bestRank && d < bestDistance)) {
                best = p;
                bestRank = rank;
                bestDistance = d;
            }
        }
        if (current != null && best != null && radios.indexOf(current.radio()) <= bestRank
                && Geo.distanceMeters(where, current.location()) <= current.radiusMeters()) {
            return current; // sticky: no higher-priority radio in range, so keep the PoA
        }
        return best;
    }
}
