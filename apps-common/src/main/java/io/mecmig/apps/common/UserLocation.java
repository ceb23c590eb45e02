package io.mecmig.apps.common;

/**
 * Where a UE is, as the Location API's {@code userList.user[]} gives it.
 *
 * @param address       the UE's address (e.g. {@code 10.100.0.1})
 * @param accessPointId the PoA it is attached to
 * @param zoneId        the zone of that PoA
 */
public record UserLocation(String address, String accessPointId, String zoneId) {
}
