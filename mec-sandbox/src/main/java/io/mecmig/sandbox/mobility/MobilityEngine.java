package io.mecmig.sandbox.mobility;

import io.mecmig.sandbox.scenario.GeoPoint;
import io.mecmig.sandbox.scenario.PointOfAccess;
import io.mecmig.sandbox.scenario.Scenario;
import io.mecmig.sandbox.scenario.UeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves UEs along their paths in fixed ticks and keeps each one's point of access.
 * Deterministic: the same scenario, selection and tick length give the same states at every tick.
 * Not thread-safe; {@link io.mecmig.sandbox.SandboxControl} serialises access and publishes snapshots.
 */
public final class MobilityEngine {
    /** The ETSI MEC Sandbox's tick. */
    public static final double DEFAULT_TICK_SECONDS = 1.0;

    private final Scenario scenario;
    private final PoaSelector selector;
    private final double tickSeconds;
    private List<UeSpec> specs;
    private List<PathTrack> tracks;
    private long tick;
    private int nextErabId;
    private MobilitySnapshot snapshot;

    /** An engine over {@code ues} of {@code scenario}, advancing {@code tickSeconds} per tick. */
    public MobilityEngine(Scenario scenario, List<UeSpec> ues, double tickSeconds) {
        if (!(tickSeconds > 0)) {
            throw new IllegalArgumentException("tick must be a positive number of seconds, got " + tickSeconds);
        }
        this.scenario = scenario;
        this.selector = new PoaSelector(scenario.pointsOfAccess());
        this.tickSeconds = tickSeconds;
        select(ues);
    }

    /** Replaces the active UEs and resets time to zero. */
    public void select(List<UeSpec> ues) {
        this.specs = List.copyOf(ues);
        List<PathTrack> t = new ArrayList<>();
        for (UeSpec u : specs) {
            t.add(u.moving() ? new PathTrack(u.path(), u.eopMode()) : null);
        }
        this.tracks = t;
        reset();
    }

    /** Back to time zero: every UE at its start, on its initial PoA when that is in range. */
    public void reset() {
        tick = 0;
        nextErabId = 1;
        List<UeState> states = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            UeSpec u = specs.get(i);
            PointOfAccess initial = u.initialPoa() == null ? null : scenario.poa(u.initialPoa()).orElse(null);
            states.add(place(u, tracks.get(i), initial, null, 0));
        }
        snapshot = new MobilitySnapshot(0, 0, states);
    }

    /** Advances one tick and returns the UEs whose point of access changed. */
    public List<MobilityEvent> step() {
        tick++;
        double seconds = tick * tickSeconds;
        List<UeState> next = new ArrayList<>(specs.size());
        List<MobilityEvent> events = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            UeState before = snapshot.ues().get(i);
            UeState after = place(specs.get(i), tracks.get(i), before.poa(), before, seconds);
            next.add(after);
            if (!java.util.Objects.equals(before.poaId(), after.poaId())) {
                events.add(new MobilityEvent(tick, seconds, before, after));
            }
        }
        snapshot = new MobilitySnapshot(tick, seconds, next);
        return events;
    }

    private UeState place(UeSpec u, PathTrack track, PointOfAccess current, UeState before, double seconds) {
        GeoPoint where = u.start();
        double bearing = 0;
        if (track != null) {
            PathTrack.Position p = track.at(u.startOffsetMeters() + u.velocityMps() * seconds);
            where = p.point();
            bearing = p.bearingDegrees();
        }
        PointOfAccess poa = selector.select(current, where, u.wirelessTypes());
        Integer erab = null;
        if (poa != null && poa.radio() == io.mecmig.sandbox.scenario.RadioType.LTE_4G) {
            // The E-RAB lives as long as the UE stays on 4G, across 4G cells.
            erab = before != null && before.on4g() ? before.erabId() : Integer.valueOf(nextErabId++);
        }
        return new UeState(u.id(), u.ueClass(), where, bearing, track == null ? 0 : u.velocityMps(), poa, erab);
    }

    /** The current state of every active UE. */
    public MobilitySnapshot snapshot() {
        return snapshot;
    }

    public double tickSeconds() {
        return tickSeconds;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The active UEs. */
    public List<UeSpec> ues() {
        return specs;
    }
}
