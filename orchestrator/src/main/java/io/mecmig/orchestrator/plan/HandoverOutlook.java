package io.mecmig.orchestrator.plan;

import io.mecmig.orchestrator.placement.PlacementMap;
import io.mecmig.orchestrator.predict.Forecast;
import io.mecmig.orchestrator.predict.Visit;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A forecast read through the placement map: the next MEC host the UE will need, when, and for how long.
 *
 * @param target the next host
 * @param accessPointId the first PoA of the target host the UE will use
 * @param zoneId its zone
 * @param window the lead time and the dwell with the target
 */
public record HandoverOutlook(String target, String accessPointId, String zoneId, TimeWindow window) {

    /** The first host other than {@code servingHost} in the forecast, or empty if the UE stays with it. */
    public static Optional<HandoverOutlook> next(Forecast forecast, PlacementMap placement, String servingHost) {
        List<Visit> visits = forecast.visits();
        for (int i = 0; i < visits.size(); i++) {
            Visit v = visits.get(i);
            Optional<String> host = placement.hostFor(v.accessPointId(), v.zoneId());
            if (host.isPresent() && !host.get().equals(servingHost)) {
                return Optional.of(from(forecast, placement, i, host.get()));
            }
        }
        return Optional.empty();
    }

    /** The window of the host the UE is with now ({@code currentHost}): lead zero, dwell until it leaves it. */
    public static HandoverOutlook current(Forecast forecast, PlacementMap placement, String currentHost) {
        return from(forecast, placement, 0, currentHost);
    }

    /** With no forecast at all: lead zero and an open-ended stay. */
    public static TimeWindow unknownStay() {
        return new TimeWindow(Duration.ZERO, Duration.ofHours(1), true);
    }

    private static HandoverOutlook from(Forecast forecast, PlacementMap placement, int first, String target) {
        List<Visit> visits = forecast.visits();
        Visit arrival = visits.get(first);
        Duration end = forecast.horizon();
        boolean atLeast = true;
        for (int j = first + 1; j < visits.size(); j++) {
            Visit v = visits.get(j);
            Optional<String> host = placement.hostFor(v.accessPointId(), v.zoneId());
            if (host.isPresent() && !host.get().equals(target)) {
                end = v.from();
                atLeast = false;
                break;
            }
        }
        Duration dwell = end.minus(arrival.from());
        return new HandoverOutlook(target, arrival.accessPointId(), arrival.zoneId(),
                new TimeWindow(arrival.from(), dwell.isNegative() ? Duration.ZERO : dwell, atLeast));
    }
}
