package io.mecmig.core;

import java.time.Instant;

/**
 * What happens during a migration, as typed events; register listeners by type with
 * {@link Migration.Builder#onEvent(Class, MigrationListener)}. Listeners run on the engine's thread, in
 * order; one that throws is logged and reported as a warning, and the migration goes on.
 */
public sealed interface MigrationEvent {

    /** The migration's id. */
    String migrationId();

    /** When it happened. */
    Instant at();

    record PhaseStarted(String migrationId, Instant at, Phase phase) implements MigrationEvent {
    }

    record StepStarted(String migrationId, Instant at, Phase phase, String step, Side side) implements MigrationEvent {
    }

    record StepCompleted(String migrationId, Instant at, StepTiming timing) implements MigrationEvent {
    }

    record StepFailed(String migrationId, Instant at, StepTiming timing, String message) implements MigrationEvent {
    }

    record PhaseCompleted(String migrationId, Instant at, PhaseReport report) implements MigrationEvent {
    }

    /** Raised before anything runs, for example when the strategy does not carry the state the app needs. */
    record Warning(String migrationId, Instant at, String message) implements MigrationEvent {
    }

    record RollbackStarted(String migrationId, Instant at, Phase phase, String reason) implements MigrationEvent {
    }

    record RollbackCompleted(String migrationId, Instant at, RollbackReport report) implements MigrationEvent {
    }

    record MigrationFinished(String migrationId, Instant at, MigrationReport report) implements MigrationEvent {
    }
}
