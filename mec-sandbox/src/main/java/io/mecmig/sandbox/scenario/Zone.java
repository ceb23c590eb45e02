package io.mecmig.sandbox.scenario;

import java.util.List;

/**
 * A zone of the scenario and the points of access it holds.
 *
 * @param id             zone id, e.g. {@code zone01}
 * @param domain         operator domain it belongs to
 * @param pointsOfAccess its points of access (empty for a zone that holds only edge hosts)
 * @param edgeHosts      names of the edge hosts in it
 */
public record Zone(String id, String domain, List<PointOfAccess> pointsOfAccess, List<String> edgeHosts) {
    public Zone {
        pointsOfAccess = List.copyOf(pointsOfAccess);
        edgeHosts = List.copyOf(edgeHosts);
    }
}
