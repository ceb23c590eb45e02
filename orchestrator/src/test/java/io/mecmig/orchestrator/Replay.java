package io.mecmig.orchestrator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Replays a trace through an {@link Orchestrator}, playing the part of the migration engine with fixed phase
 * durations: phase 1 ends {@code prepare} after its decision, phase 2 {@code downtime} after its decision.
 * A unit-test double of the engine, so that decisions can be checked against where the UE really was.
 */
final class Replay {

    /** A decision with the observation it was made on (the latest one at that moment). */
    record Made(Decision decision, UeObservation at) {
    }

    private record Due(Instant at, OrchestratorEvent event) {
    }

    final List<Made> decisions = new ArrayList<>();
    private final Orchestrator orchestrator;
    private final Duration prepare;
    private final Duration downtime;
    private final PriorityQueue<Due> due = new PriorityQueue<>(Comparator.comparing(Due::at));
    private UeObservation latest;

    Replay(Orchestrator orchestrator, Duration prepare, Duration downtime) {
        this.orchestrator = orchestrator;
        this.prepare = prepare;
        this.downtime = downtime;
    }

    Replay run(List<UeObservation> trace) {
        for (UeObservation o : trace) {
            while (!due.isEmpty() && !due.peek().at().isAfter(o.at())) {
                Due d = due.poll();
                apply(d.at(), orchestrator.handle(d.event()));
            }
            latest = o;
            apply(o.at(), orchestrator.handle(new OrchestratorEvent.UeObserved(o)));
        }
        return this;
    }

    private void apply(Instant now, List<Decision> made) {
        for (Decision d : made) {
            decisions.add(new Made(d, latest));
            if (d instanceof Decision.PreRelocate p) {
                due.add(new Due(now.plus(prepare), new OrchestratorEvent.PreRelocationDone(p.migrationId(), prepare)));
            } else if (d instanceof Decision.Relocate r) {
                due.add(new Due(now.plus(downtime),
                        new OrchestratorEvent.RelocationDone(r.migrationId(), downtime, true, "counter continued")));
            } else if (d instanceof Decision.Abort a) {
                due.removeIf(x -> x.event() instanceof OrchestratorEvent.PreRelocationDone p
                        && p.migrationId().equals(a.migrationId()));
            }
        }
    }

    DriveSummary summary() {
        return orchestrator.summary();
    }

    <T extends Decision> List<T> all(Class<T> type) {
        return decisions.stream().map(Made::decision).filter(type::isInstance).map(type::cast).toList();
    }
}
