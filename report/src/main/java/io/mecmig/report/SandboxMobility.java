package io.mecmig.report;

import io.mecmig.sandbox.mobility.UeSelection;
import io.mecmig.sandbox.report.HostChangeStats;
import io.mecmig.sandbox.report.HostPlacement;
import io.mecmig.sandbox.report.MobilityReport;
import io.mecmig.sandbox.scenario.Scenario;
import java.time.Duration;
import java.util.Locale;

/** Table V's figures from the embedded sandbox's mobility engine: the Monaco scenario, its moving UEs. */
public final class SandboxMobility {

    private SandboxMobility() {
    }

    /** Simulates {@code scenarioTime} of the Monaco scenario in 1 s ticks, for both host placements. */
    public static MobilityFigures monaco(Duration scenarioTime) {
        Scenario scenario = Scenario.monaco();
        double seconds = scenarioTime.toMillis() / 1000.0;
        HostChangeStats poa = MobilityReport.compute(scenario, UeSelection.moving(), HostPlacement.POA, seconds, 1);
        HostChangeStats zone = MobilityReport.compute(scenario, UeSelection.moving(), HostPlacement.ZONE, seconds, 1);
        String source = String.format(Locale.ROOT, "mobility engine, scenario %s, %d moving UEs, %.0f s of scenario"
                        + " time in 1 s ticks; %d PoA changes, %d zone changes (times between consecutive changes of"
                        + " the serving host)", scenario.name(), poa.ues(), poa.durationSeconds(), poa.hostChanges(),
                zone.hostChanges());
        return new MobilityFigures(poa.averageSeconds(), poa.shortestSeconds(), zone.averageSeconds(),
                zone.shortestSeconds(), source);
    }
}
