package io.mecmig.apps.uspa;

/**
 * USPA's user state: how many times the UE changed zone, and the zone it was last seen in.
 *
 * @param counter zone changes seen so far
 * @param zone    last zone seen, or null before the first observation
 */
public record ZoneCount(long counter, String zone) {

    /** The state before any observation. */
    public static final ZoneCount INITIAL = new ZoneCount(0, null);

    /**
     * The state after seeing the UE in {@code currentZone}: the counter grows by one when the zone differs from
     * the last one seen (also across a restart or a migration), and not on the very first observation.
     */
    public ZoneCount observe(String currentZone) {
        if (zone == null) {
            return new ZoneCount(counter, currentZone);
        }
        return zone.equals(currentZone) ? this : new ZoneCount(counter + 1, currentZone);
    }
}
