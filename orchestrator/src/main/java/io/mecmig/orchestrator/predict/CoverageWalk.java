package io.mecmig.orchestrator.predict;

import io.mecmig.sandbox.scenario.GeoPoint;
import io.mecmig.orchestrator.radio.AccessPoint;
import io.mecmig.orchestrator.radio.RadioMap;
import io.mecmig.orchestrator.radio.RadioType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * Walks a predicted trajectory through the radio map, step by step, and lists the PoAs that would serve the UE
 * along it. Shared by the predictors that know where the UE will be (route, dead reckoning).
 */
final class CoverageWalk {

    private final RadioMap map;
    private final List<RadioType> radios;
    private final double stepSeconds;

    /** @param stepSeconds mobility seconds between two sampled positions (the sandbox ticks every second) */
    CoverageWalk(RadioMap map, List<RadioType> radios, double stepSeconds) {
        this.map = map;
        this.radios = radios;
        this.stepSeconds = stepSeconds;
    }

    /**
     * @param servingNow the PoA serving the UE now (null if disconnected or unknown)
     * @param positionAt where the UE is after the given mobility seconds from now
     * @param horizonSeconds how many mobility seconds to look ahead
     * @param timeScale mobility seconds per wall second, to give the visits in wall-clock time
     */
    List<Visit> walk(String servingNow, DoubleFunction<GeoPoint> positionAt, double horizonSeconds, double timeScale) {
        AccessPoint current = map.accessPoint(servingNow).orElse(null);
        List<Visit> visits = new ArrayList<>();
        double start = 0;
        for (double t = stepSeconds; t <= horizonSeconds + 1e-9; t += stepSeconds) {
            AccessPoint next = map.serving(current, positionAt.apply(t), radios).orElse(null);
            if (!Objects.equals(id(next), id(current))) {
                visits.add(visit(current, start, t, timeScale));
                current = next;
                start = t;
            }
        }
        visits.add(visit(current, start, horizonSeconds, timeScale));
        return visits;
    }

    private static Visit visit(AccessPoint p, double from, double until, double timeScale) {
        return new Visit(id(p), p == null ? null : p.zoneId(), wall(from, timeScale), wall(until, timeScale));
    }

    static Duration wall(double mobilitySeconds, double timeScale) {
        return Duration.ofNanos(Math.round(mobilitySeconds / timeScale * 1e9));
    }

    private static String id(AccessPoint p) {
        return p == null ? null : p.id();
    }
}
