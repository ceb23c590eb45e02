package io.mecmig.orchestrator;

import io.mecmig.core.MigrationReport;
import java.time.Duration;
import java.util.Objects;

/** What goes into the {@link Orchestrator}: news of the UE, and news of the migrations it asked for. */
public sealed interface OrchestratorEvent {

    /** The Location API reported the UE (a poll, or a query after a notification). */
    record UeObserved(UeObservation observation) implements OrchestratorEvent {
        public UeObserved {
            Objects.requireNonNull(observation, "observation");
        }
    }

    /** Phase 1 of migration {@code migrationId} is done: the target is ready, the app still serves from the source. */
    record PreRelocationDone(String migrationId, Duration took) implements OrchestratorEvent {
    }

    /**
     * Phase 2 is done: the app serves from the target.
     *
     * @param downtime the service interruption
     * @param statePreserved whether the app's state check held
     * @param stateDetail what the state check compared
     */
    record RelocationDone(String migrationId, Duration downtime, boolean statePreserved, String stateDetail)
            implements OrchestratorEvent {

        /** From a completed migration's report (downtime the paper's way). */
        public static RelocationDone of(String migrationId, MigrationReport report) {
            Duration downtime = report.downtime() == null ? Duration.ZERO : report.downtime().paper();
            boolean kept = report.stateCheck() != null && report.stateCheck().preserved();
            String detail = report.stateCheck() == null ? "no state check" : report.stateCheck().detail();
            return new RelocationDone(migrationId, downtime, kept, detail);
        }
    }

    /** The migration failed in {@code phase}; the app serves from the source again with its state. */
    record MigrationFailed(String migrationId, String phase, String reason) implements OrchestratorEvent {
    }
}
