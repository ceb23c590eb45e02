package io.mecmig.orchestrator.predict;

import io.mecmig.orchestrator.UeObservation;
import io.mecmig.sandbox.mobility.Geo;
import io.mecmig.sandbox.scenario.GeoPoint;
import io.mecmig.orchestrator.radio.RadioMap;
import io.mecmig.orchestrator.radio.RadioType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Velocity alone: extends the UE's current heading in a straight line at its speed. Needs no route and no
 * history, so it works from the first observation; roads bend, so it looks only a short way ahead.
 * Speed and heading come from the Location API's velocity, or else from the UE's last two positions.
 */
public final class DeadReckoningPredictor implements HandoverPredictor {

    private final CoverageWalk walk;
    private final double horizonSeconds;

    /** @param horizonSeconds how far ahead to look, in mobility seconds */
    public DeadReckoningPredictor(RadioMap map, List<RadioType> radios, double horizonSeconds) {
        this.walk = new CoverageWalk(map, radios, 1.0);
        this.horizonSeconds = horizonSeconds;
    }

    @Override
    public String name() {
        return "dead-reckoning";
    }

    @Override
    public Optional<Forecast> forecast(MobilityHistory history) {
        UeObservation now = history.latest();
        if (now.location() == null) {
            return Optional.empty();
        }
        double speed;
        double bearing;
        String source;
        if (now.hasVelocity()) {
            speed = now.speedMps();
            bearing = now.bearingDegrees();
            source = "reported velocity";
        } else {
            Optional<UeObservation> before = previousPosition(history, now);
            if (before.isEmpty()) {
                return Optional.empty();
            }
            double seconds = Duration.between(before.get().at(), now.at()).toNanos() / 1e9 * history.timeScale();
            speed = Geo.distanceMeters(before.get().location(), now.location()) / seconds;
            bearing = Geo.bearingDegrees(before.get().location(), now.location());
            source = "last two positions";
        }
        if (!(speed > 0.1)) {
            return Optional.empty();
        }
        GeoPoint from = now.location();
        List<Visit> visits = walk.walk(now.accessPointId(), t -> Geo.destination(from, bearing, speed * t),
                horizonSeconds, history.timeScale());
        return Optional.of(new Forecast(name(), visits, CoverageWalk.wall(horizonSeconds, history.timeScale()),
                String.format("straight on at %.0f deg, %.1f m/s (%s)", bearing, speed, source)));
    }

    private static Optional<UeObservation> previousPosition(MobilityHistory history, UeObservation now) {
        List<UeObservation> recent = history.recent();
        for (int i = recent.size() - 2; i >= 0; i--) {
            UeObservation o = recent.get(i);
            if (o.location() != null && o.at().isBefore(now.at()) && !o.location().equals(now.location())) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
