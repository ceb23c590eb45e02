package io.mecmig.sandbox.mobility;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every active UE at one tick. Immutable, so HTTP threads read it without locks. */
public final class MobilitySnapshot {
    private final long tick;
    private final double scenarioSeconds;
    private final List<UeState> ues;
    private final Map<String, UeState> byId;

    public MobilitySnapshot(long tick, double scenarioSeconds, List<UeState> ues) {
        this.tick = tick;
        this.scenarioSeconds = scenarioSeconds;
        this.ues = List.copyOf(ues);
        Map<String, UeState> m = new LinkedHashMap<>();
        for (UeState u : this.ues) {
            m.put(u.id(), u);
        }
        this.byId = Collections.unmodifiableMap(m);
    }

    /** Ticks run since the last reset. */
    public long tick() {
        return tick;
    }

    /** Scenario time since the last reset, in seconds. */
    public double scenarioSeconds() {
        return scenarioSeconds;
    }

    /** All active UEs, connected or not, in selection order. */
    public List<UeState> ues() {
        return ues;
    }

    public Optional<UeState> ue(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
