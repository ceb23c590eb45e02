package io.mecmig.sandbox.mobility;

import java.util.Objects;

/**
 * A UE changed its point of access (or connected, or disconnected) during a tick.
 *
 * @param tick             the tick that produced the change
 * @param scenarioSeconds  scenario time at that tick
 * @param before           the UE before the tick
 * @param after            the UE after the tick
 */
public record MobilityEvent(long tick, double scenarioSeconds, UeState before, UeState after) {

    public String ueId() {
        return after.id();
    }

    /** True when the zone changed (including connect and disconnect). */
    public boolean zoneChanged() {
        return !Objects.equals(before.zoneId(), after.zoneId());
    }

    /** True when the point of access changed. */
    public boolean poaChanged() {
        return !Objects.equals(before.poaId(), after.poaId());
    }
}
