package io.mecmig.sandbox.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mecmig.sandbox.mobility.MobilityEngine;
import io.mecmig.sandbox.mobility.MobilityEvent;
import io.mecmig.sandbox.mobility.UeSelection;
import io.mecmig.sandbox.scenario.Scenario;
import io.mecmig.sandbox.scenario.UeSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MobilityReportTest {
    private static final Scenario MONACO = Scenario.monaco();

    @Test
    void intervalsAreTheGapsBetweenConsecutiveHostChangesOfEachUe() {
        // Recount from the engine's own events for one UE (a disconnected UE keeps its host), then compare.
        List<String> ue = List.of("10.100.0.2");
        MobilityEngine engine = new MobilityEngine(MONACO, UeSelection.named(ue).resolve(MONACO), 1.0);
        String host = engine.snapshot().ues().get(0).zoneId();
        List<Double> changes = new ArrayList<>();
        for (int t = 0; t < 1800; t++) {
            for (MobilityEvent e : engine.step()) {
                String now = e.after().zoneId();
                if (now != null && !now.equals(host)) {
                    if (host != null) {
                        changes.add(e.scenarioSeconds());
                    }
                    host = now;
                }
            }
        }
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < changes.size(); i++) {
            gaps.add(changes.get(i) - changes.get(i - 1));
        }
        assertThat(gaps).isNotEmpty();
        HostChangeStats r = MobilityReport.compute(MONACO, UeSelection.named(ue), HostPlacement.ZONE, 1800, 1.0);
        assertThat(r.ues()).isEqualTo(1);
        assertThat(r.hostChanges()).isEqualTo(changes.size());
        assertThat(r.intervals()).isEqualTo(gaps.size());
        assertThat(r.averageSeconds()).isEqualTo(gaps.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        assertThat(r.shortestSeconds()).isEqualTo(gaps.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        assertThat(r.longestSeconds()).isEqualTo(gaps.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }

    @Test
    void hostPerPoaChangesMoreOftenThanHostPerZone() {
        HostChangeStats poa = MobilityReport.compute(MONACO, UeSelection.moving(), HostPlacement.POA, 3600, 1.0);
        HostChangeStats zone = MobilityReport.compute(MONACO, UeSelection.moving(), HostPlacement.ZONE, 3600, 1.0);
        assertThat(poa.ues()).isEqualTo(8);
        assertThat(poa.intervals()).isGreaterThan(zone.intervals());
        assertThat(poa.averageSeconds()).isLessThan(zone.averageSeconds());
        // Every figure is a whole number of ticks.
        assertThat(poa.shortestSeconds() % 1.0).isZero();
        assertThat(zone.shortestSeconds() % 1.0).isZero();
    }

    @Test
    void deterministicAndStationaryUesAreLeftOut() {
        HostChangeStats a = MobilityReport.compute(MONACO, UeSelection.all(), HostPlacement.POA, 900, 1.0);
        HostChangeStats b = MobilityReport.compute(MONACO, UeSelection.moving(), HostPlacement.POA, 900, 1.0);
        assertThat(a).isEqualTo(b);
        assertThatThrownBy(() -> MobilityReport.compute(MONACO, UeSelection.counts(4, 0, 0), HostPlacement.POA, 900, 1.0))
                .hasMessageContaining("no moving UE");
    }

    @Test
    void everyMovingUeOfMonacoChangesPoaWithinAnHour() {
        Map<String, Integer> changes = new HashMap<>();
        List<UeSpec> moving = UeSelection.moving().resolve(MONACO);
        MobilityEngine engine = new MobilityEngine(MONACO, moving, 1.0);
        for (int t = 0; t < 3600; t++) {
            engine.step().forEach(e -> changes.merge(e.ueId(), 1, Integer::sum));
        }
        assertThat(changes.keySet()).containsExactlyInAnyOrderElementsOf(moving.stream().map(UeSpec::id).toList());
    }
}
