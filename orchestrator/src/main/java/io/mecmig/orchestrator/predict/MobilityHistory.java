package io.mecmig.orchestrator.predict;

import io.mecmig.orchestrator.UeObservation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * One UE's recent observations and the cells that served it, oldest first. Not thread-safe: one orchestrator
 * thread owns it.
 */
public final class MobilityHistory {

    private static final int MAX_OBSERVATIONS = 64;
    private static final int MAX_STAYS = 4096;

    private final double timeScale;
    private final Deque<UeObservation> recent = new ArrayDeque<>();
    private final Deque<Stay> stays = new ArrayDeque<>();

    /**
     * @param timeScale mobility seconds per wall-clock second (the sandbox's time scale; 1 = real time).
     *     Speeds are in metres per mobility second, predictions in wall-clock time.
     */
    public MobilityHistory(double timeScale) {
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("time scale must be above 0, got " + timeScale);
        }
        this.timeScale = timeScale;
    }

    public double timeScale() {
        return timeScale;
    }

    /** Adds an observation; ones older than the latest are ignored (notifications and polls can cross). */
    public void add(UeObservation o) {
        Objects.requireNonNull(o, "observation");
        if (!recent.isEmpty() && o.at().isBefore(recent.peekLast().at())) {
            return;
        }
        recent.addLast(o);
        if (recent.size() > MAX_OBSERVATIONS) {
            recent.removeFirst();
        }
        Stay last = stays.peekLast();
        if (last == null) {
            stays.addLast(new Stay(o.accessPointId(), o.zoneId(), o.at(), null, null));
        } else if (!Objects.equals(last.accessPointId(), o.accessPointId())) {
            stays.removeLast();
            stays.addLast(new Stay(last.accessPointId(), last.zoneId(), last.entered(), o.at(), last.cameFrom()));
            stays.addLast(new Stay(o.accessPointId(), o.zoneId(), o.at(), null, last.accessPointId()));
            if (stays.size() > MAX_STAYS) {
                stays.removeFirst();
            }
        }
    }

    public boolean isEmpty() {
        return recent.isEmpty();
    }

    /** The newest observation. */
    public UeObservation latest() {
        if (recent.isEmpty()) {
            throw new IllegalStateException("no observation yet");
        }
        return recent.peekLast();
    }

    /** The most recent observations, oldest first. */
    public List<UeObservation> recent() {
        return new ArrayList<>(recent);
    }

    /** Every stay, oldest first; the last one is the current one. */
    public List<Stay> stays() {
        return new ArrayList<>(stays);
    }

    /** The current stay. */
    public Stay currentStay() {
        return stays.peekLast();
    }
}
