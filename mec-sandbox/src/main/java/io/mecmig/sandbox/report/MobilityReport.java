package io.mecmig.sandbox.report;

import io.mecmig.sandbox.mobility.MobilityEngine;
import io.mecmig.sandbox.mobility.MobilitySnapshot;
import io.mecmig.sandbox.mobility.UeSelection;
import io.mecmig.sandbox.mobility.UeState;
import io.mecmig.sandbox.scenario.Scenario;
import io.mecmig.sandbox.scenario.UeSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reproduces the paper's Table V from the mobility engine: how long a moving UE stays with one serving
 * MEC host. A disconnected UE keeps its last host (nothing moves the app while no PoA serves the UE).
 */
public final class MobilityReport {
    private MobilityReport() {
    }

    /**
     * Runs the scenario for {@code durationSeconds} in ticks of {@code tickSeconds} and measures, for the
     * selected UEs that move, the time between consecutive changes of the serving host.
     */
    public static HostChangeStats compute(Scenario scenario, UeSelection selection, HostPlacement placement,
                                          double durationSeconds, double tickSeconds) {
        if (!(durationSeconds > 0)) {
            throw new IllegalArgumentException("duration must be positive, got " + durationSeconds + " s");
        }
        List<UeSpec> moving = selection.resolve(scenario).stream().filter(UeSpec::moving).toList();
        if (moving.isEmpty()) {
            throw new IllegalArgumentException("no moving UE selected: Table V covers low- and high-velocity UEs,"
                    + " e.g. --ues moving or --ues low=4,high=4");
        }
        MobilityEngine engine = new MobilityEngine(scenario, moving, tickSeconds);
        Map<String, String> host = new HashMap<>();
        Map<String, Double> lastChange = new HashMap<>();
        for (UeState u : engine.snapshot().ues()) {
            host.put(u.id(), hostOf(u, placement));
        }
        List<Double> intervals = new ArrayList<>();
        int changes = 0;
        long ticks = Math.round(durationSeconds / tickSeconds);
        for (long t = 0; t < ticks; t++) {
            engine.step();
            MobilitySnapshot s = engine.snapshot();
            for (UeState u : s.ues()) {
                String now = hostOf(u, placement);
                String before = host.get(u.id());
                if (now == null || Objects.equals(now, before)) {
                    continue;
                }
                host.put(u.id(), now);
                if (before == null) {
                    continue; // first attach: no host to migrate from
                }
                changes++;
                Double previous = lastChange.put(u.id(), s.scenarioSeconds());
                if (previous != null) {
                    intervals.add(s.scenarioSeconds() - previous);
                }
            }
        }
        double avg = intervals.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double min = intervals.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = intervals.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return new HostChangeStats(placement, moving.size(), ticks * tickSeconds, tickSeconds, changes,
                intervals.size(), avg, min, max);
    }

    private static String hostOf(UeState u, HostPlacement placement) {
        return placement == HostPlacement.POA ? u.poaId() : u.zoneId();
    }
}
