package io.mecmig.sandbox.mobility;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.sandbox.scenario.EopMode;
import io.mecmig.sandbox.scenario.GeoPoint;
import io.mecmig.sandbox.scenario.PointOfAccess;
import io.mecmig.sandbox.scenario.RadioType;
import io.mecmig.sandbox.scenario.Scenario;
import io.mecmig.sandbox.scenario.UeClass;
import io.mecmig.sandbox.scenario.UeSpec;
import io.mecmig.sandbox.scenario.Zone;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class MobilityEngineTest {
    private static final List<RadioType> ALL = List.of(RadioType.WIFI, RadioType.NR_5G, RadioType.LTE_4G);

    /** A point {@code meters} east of (7.42, 43.73) along the parallel. */
    private static GeoPoint east(double meters) {
        double metersPerDegree = Math.PI / 180 * Geo.EARTH_RADIUS_M * Math.cos(Math.toRadians(43.73));
        return new GeoPoint(7.42 + meters / metersPerDegree, 43.73);
    }

    private static PointOfAccess poa(String id, RadioType radio, double eastMeters, double radius, String zone) {
        return new PointOfAccess(id, radio, east(eastMeters), radius, "c-" + id, null, zone);
    }

    private static Scenario line(List<PointOfAccess> poas, UeSpec ue) {
        List<Zone> zones = poas.stream().map(PointOfAccess::zoneId).distinct()
                .map(z -> new Zone(z, "op", poas.stream().filter(p -> p.zoneId().equals(z)).toList(), List.of())).toList();
        return new Scenario("line", "001", "001", "FFFFFFF", zones, List.of(ue));
    }

    private static UeSpec walker(double velocity, double toMeters, EopMode eop) {
        return new UeSpec("10.10.0.1", UeClass.LOW_VELOCITY, east(0), List.of(east(0), east(toMeters)), eop, velocity, ALL, null, 0);
    }

    @Test
    void haversineMatchesAKnownDistance() {
        // One degree of latitude on the mean sphere is 111.195 km.
        assertThat(Geo.distanceMeters(new GeoPoint(7, 43), new GeoPoint(7, 44))).isCloseTo(111_195, Offset.offset(1.0));
        assertThat(Geo.distanceMeters(east(0), east(250))).isCloseTo(250, Offset.offset(0.01));
    }

    @Test
    void destinationGoesTheDistanceOnTheBearing() {
        GeoPoint from = east(0);
        GeoPoint north = Geo.destination(from, 0, 500);
        assertThat(Geo.distanceMeters(from, north)).isCloseTo(500, Offset.offset(0.01));
        assertThat(north.latitude()).isGreaterThan(from.latitude());
        assertThat(Geo.distanceMeters(Geo.destination(from, 90, 250), east(250))).isLessThan(0.05);
        assertThat(Geo.bearingDegrees(from, Geo.destination(from, 135, 300))).isCloseTo(135, Offset.offset(0.01));
    }

    @Test
    void pathInterpolationLoopAndReverse() {
        PathTrack loop = new PathTrack(List.of(east(0), east(100), east(300)), EopMode.LOOP);
        assertThat(loop.lengthMeters()).isCloseTo(300, Offset.offset(0.01));
        assertThat(Geo.distanceMeters(loop.at(150).point(), east(150))).isLessThan(0.01);
        assertThat(Geo.distanceMeters(loop.at(350).point(), east(50))).isLessThan(0.01);
        assertThat(loop.at(150).bearingDegrees()).isCloseTo(90, Offset.offset(0.1));
        PathTrack reverse = new PathTrack(List.of(east(0), east(100), east(300)), EopMode.REVERSE);
        assertThat(Geo.distanceMeters(reverse.at(350).point(), east(250))).isLessThan(0.01);
        assertThat(reverse.at(350).bearingDegrees()).isCloseTo(270, Offset.offset(0.1));
        assertThat(Geo.distanceMeters(reverse.at(650).point(), east(50))).isLessThan(0.01);
    }

    @Test
    void ueMovesAtItsVelocityPerTick() {
        Scenario s = line(List.of(poa("m", RadioType.LTE_4G, 0, 5000, "z1")), walker(10, 1000, EopMode.LOOP));
        MobilityEngine e = new MobilityEngine(s, s.ues(), 1.0);
        e.step();
        e.step();
        e.step();
        assertThat(Geo.distanceMeters(e.snapshot().ues().get(0).location(), east(30))).isLessThan(0.01);
        assertThat(e.snapshot().scenarioSeconds()).isEqualTo(3.0);
    }

    @Test
    void stickyUntilOutOfRangeThenNearestOfSameRadio() {
        // Two 4G cells overlapping between 65 m and 95 m; the UE walks east from 0 at 10 m/s.
        Scenario s = line(List.of(poa("a", RadioType.LTE_4G, 0, 95, "z1"), poa("b", RadioType.LTE_4G, 160, 95, "z2")),
                walker(10, 400, EopMode.LOOP));
        MobilityEngine e = new MobilityEngine(s, s.ues(), 1.0);
        assertThat(e.snapshot().ues().get(0).poaId()).isEqualTo("a");
        for (int t = 1; t <= 9; t++) {
            e.step(); // at 90 m "b" is nearer, but "a" is still in range: keep it
            assertThat(e.snapshot().ues().get(0).poaId()).as("t=%d", t).isEqualTo("a");
        }
        List<MobilityEvent> ev = e.step(); // 100 m: out of a's range
        assertThat(ev).hasSize(1);
        assertThat(ev.get(0).before().poaId()).isEqualTo("a");
        assertThat(ev.get(0).after().poaId()).isEqualTo("b");
        assertThat(ev.get(0).zoneChanged()).isTrue();
    }

    @Test
    void higherPriorityRadioWinsAndLowerOneNeverPreempts() {
        Scenario s = line(List.of(poa("macro", RadioType.LTE_4G, 0, 1000, "z1"), poa("wifi", RadioType.WIFI, 100, 30, "z1"),
                poa("small", RadioType.NR_5G, 100, 60, "z1")), walker(10, 400, EopMode.LOOP));
        MobilityEngine e = new MobilityEngine(s, s.ues(), 1.0);
        assertThat(e.snapshot().ues().get(0).poaId()).isEqualTo("macro");
        e.step();
        e.step();
        e.step();
        e.step(); // 40 m: 5G in range (60 m from 100)
        assertThat(e.snapshot().ues().get(0).poaId()).isEqualTo("small");
        for (int i = 0; i < 4; i++) {
            e.step(); // 80 m: WiFi in range too (within 30 m of 100)
        }
        assertThat(e.snapshot().ues().get(0).poaId()).isEqualTo("wifi");
        for (int i = 0; i < 5; i++) {
            e.step(); // 130 m: WiFi lost, 5G still in range
        }
        assertThat(e.snapshot().ues().get(0).poaId()).isEqualTo("small");
        for (int i = 0; i < 4; i++) {
            e.step(); // 170 m: 5G lost, back on 4G
        }
        assertThat(e.snapshot().ues().get(0).poaId()).isEqualTo("macro");
    }

    @Test
    void noPoaInRangeDisconnectsAndErabIsStableOn4g() {
        Scenario s = line(List.of(poa("a", RadioType.LTE_4G, 0, 100, "z1"), poa("b", RadioType.LTE_4G, 150, 100, "z1")),
                walker(50, 1000, EopMode.LOOP));
        MobilityEngine e = new MobilityEngine(s, s.ues(), 1.0);
        Integer erab = e.snapshot().ues().get(0).erabId();
        assertThat(erab).isNotNull();
        e.step();
        e.step();
        e.step(); // 150 m: handed over a -> b, still 4G: same E-RAB
        assertThat(e.snapshot().ues().get(0).poaId()).isEqualTo("b");
        assertThat(e.snapshot().ues().get(0).erabId()).isEqualTo(erab);
        e.step();
        e.step();
        e.step(); // 300 m: nothing in range
        UeState lost = e.snapshot().ues().get(0);
        assertThat(lost.connected()).isFalse();
        assertThat(lost.zoneId()).isNull();
        assertThat(lost.erabId()).isNull();
    }

    @Test
    void deterministicForAGivenScenarioAndTick() {
        Scenario monaco = Scenario.monaco();
        MobilityEngine a = new MobilityEngine(monaco, UeSelection.counts(4, 20, 30).resolve(monaco), 1.0);
        MobilityEngine b = new MobilityEngine(monaco, UeSelection.counts(4, 20, 30).resolve(monaco), 1.0);
        for (int t = 0; t < 600; t++) {
            a.step();
            b.step();
        }
        assertThat(a.snapshot().ues()).isEqualTo(b.snapshot().ues());
        a.reset();
        MobilityEngine c = new MobilityEngine(monaco, UeSelection.counts(4, 20, 30).resolve(monaco), 1.0);
        assertThat(a.snapshot().ues()).isEqualTo(c.snapshot().ues());
    }

    @Test
    void extraUesGetNewAddressesOfTheirClass() {
        Scenario monaco = Scenario.monaco();
        List<UeSpec> ues = UeSelection.counts(0, 0, 6).resolve(monaco);
        assertThat(ues).extracting(UeSpec::id)
                .containsExactly("10.100.0.1", "10.100.0.2", "10.100.0.3", "10.100.0.4", "10.100.0.5", "10.100.0.6");
        assertThat(ues.get(4).path()).isEqualTo(ues.get(0).path());
        assertThat(ues.get(4).startOffsetMeters()).isPositive();
    }
}
