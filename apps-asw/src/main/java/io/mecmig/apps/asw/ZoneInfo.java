package io.mecmig.apps.asw;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What ASW keeps about a visited zone.
 *
 * @param zoneId               the zone
 * @param numberOfAccessPoints {@code zoneInfo.numberOfAccessPoints} of the Location API
 * @param accessPointIds       ids of {@code accessPointList.accessPoint[]} of that zone
 */
public record ZoneInfo(String zoneId, int numberOfAccessPoints, List<String> accessPointIds) {

    public ZoneInfo {
        accessPointIds = List.copyOf(accessPointIds);
    }

    /** Builds it from the answers of {@code queries/zones/{zoneId}} and {@code queries/zones/{zoneId}/accessPoints}. */
    public static ZoneInfo of(String zoneId, JsonNode zoneAnswer, JsonNode accessPointsAnswer) {
        List<String> ids = new ArrayList<>();
        for (JsonNode ap : accessPointsAnswer.path("accessPointList").path("accessPoint")) {
            ids.add(ap.path("accessPointId").asText());
        }
        JsonNode count = zoneAnswer.path("zoneInfo").path("numberOfAccessPoints");
        return new ZoneInfo(zoneId, count.isNumber() ? count.asInt() : ids.size(), ids);
    }
}
