package io.mecmig.sandbox.mobility;

import io.mecmig.sandbox.scenario.GeoPoint;
import io.mecmig.sandbox.scenario.PointOfAccess;
import io.mecmig.sandbox.scenario.RadioType;
import io.mecmig.sandbox.scenario.UeClass;

/**
 * Where a UE is and what serves it, at one tick. Immutable.
 *
 * @param id             UE address, e.g. {@code 10.100.0.1}
 * @param ueClass        stationary, low or high velocity
 * @param location       current position
 * @param bearingDegrees heading, degrees clockwise from north (0 when stationary)
 * @param speedMps       speed in m/s (0 when stationary)
 * @param poa            the serving point of access, or null when disconnected
 * @param erabId         the E-RAB id while attached to a 4G cell, else null
 */
public record UeState(String id, UeClass ueClass, GeoPoint location, double bearingDegrees, double speedMps,
                      PointOfAccess poa, Integer erabId) {

    /** True when a point of access serves the UE. */
    public boolean connected() {
        return poa != null;
    }

    /** Id of the serving PoA, or null. */
    public String poaId() {
        return poa == null ? null : poa.id();
    }

    /** Zone of the serving PoA, or null. */
    public String zoneId() {
        return poa == null ? null : poa.zoneId();
    }

    /** Radio of the serving PoA, or null. */
    public RadioType radio() {
        return poa == null ? null : poa.radio();
    }

    /** True when a 4G cell serves the UE (it then has an E-RAB). */
    public boolean on4g() {
        return poa != null && poa.radio() == RadioType.LTE_4G;
    }
}
