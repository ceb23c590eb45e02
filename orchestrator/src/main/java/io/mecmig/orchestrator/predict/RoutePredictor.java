package io.mecmig.orchestrator.predict;

import io.mecmig.orchestrator.UeObservation;
import io.mecmig.orchestrator.radio.RadioMap;
import io.mecmig.orchestrator.radio.RadioType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Path and velocity: places the UE on its known route and drives it on at its speed, then reads off the PoAs
 * along the way. The most accurate predictor when the route is known; silent when the UE is off its route.
 */
public final class RoutePredictor implements HandoverPredictor {

    /** How far from its route the UE may be and still count as on it. */
    static final double ON_ROUTE_METERS = 30;

    private final Route route;
    private final CoverageWalk walk;
    private final double horizonSeconds;
    private Double lastProgress;
    private Instant lastAt;

    /**
     * @param horizonSeconds how far ahead to look, in mobility seconds
     */
    public RoutePredictor(Route route, RadioMap map, List<RadioType> radios, double horizonSeconds) {
        this.route = route;
        this.walk = new CoverageWalk(map, radios, 1.0);
        this.horizonSeconds = horizonSeconds;
    }

    @Override
    public String name() {
        return "route";
    }

    @Override
    public Optional<Forecast> forecast(MobilityHistory history) {
        UeObservation now = history.latest();
        if (now.location() == null) {
            return Optional.empty();
        }
        Optional<Double> progress = locate(now, history.timeScale());
        if (progress.isEmpty()) {
            lastProgress = null;
            return Optional.empty();
        }
        double speed = now.hasVelocity() ? now.speedMps() : 0;
        if (!(speed > 0)) {
            return Optional.empty(); // a parked UE hands over to no one
        }
        lastProgress = progress.get();
        lastAt = now.at();
        double start = progress.get();
        List<Visit> visits = walk.walk(now.accessPointId(), t -> route.at(start + speed * t), horizonSeconds,
                history.timeScale());
        return Optional.of(new Forecast(name(), visits, CoverageWalk.wall(horizonSeconds, history.timeScale()),
                String.format("on its route at %.0f m of %.0f, driving %.1f m/s", start, route.cycleMeters(), speed)));
    }

    /** The UE's progress on the route: the nearest fitting point, preferring its heading and its last progress. */
    private Optional<Double> locate(UeObservation now, double timeScale) {
        double expected = Double.NaN;
        if (lastProgress != null && now.hasVelocity()) {
            double dt = Duration.between(lastAt, now.at()).toNanos() / 1e9 * timeScale;
            expected = route.wrap(lastProgress + now.speedMps() * dt);
        }
        double best = Double.NaN;
        double bestScore = Double.MAX_VALUE;
        for (double[] c : route.candidates(now.location())) {
            if (c[1] > ON_ROUTE_METERS) {
                continue;
            }
            double score = c[1];
            if (now.hasVelocity() && angle(route.bearingAt(c[0]), now.bearingDegrees()) > 60) {
                score += 1_000; // driving the other way along this stretch
            }
            if (!Double.isNaN(expected)) {
                score += 0.2 * circularGap(c[0], expected);
            }
            if (score < bestScore) {
                bestScore = score;
                best = c[0];
            }
        }
        return Double.isNaN(best) ? Optional.empty() : Optional.of(best);
    }

    private double circularGap(double a, double b) {
        double d = Math.abs(a - b) % route.cycleMeters();
        return Math.min(d, route.cycleMeters() - d);
    }

    private static double angle(double a, double b) {
        double d = Math.abs(a - b) % 360;
        return Math.min(d, 360 - d);
    }
}
