package io.mecmig.core;

import java.time.Instant;

/**
 * What happens during a migration, as typed events; register listeners by type with
 * {@link Migration.Builder#onEvent(Class, MigrationListener)}. Listeners run on the engine's thread, in
 * order; one that throws is logged and reported as a warning, and the migration goes on.
 */
public sealed interface MigrationEvent {

    /**
     * The migration's id.
     *
     * @return the id
     */
    String migrationId();

    /**
     * When it happened.
     *
     * @return the instant
     */
    Instant at();

    /** A phase began. */
    record PhaseStarted(String migrationId, Instant at, Phase phase) implements MigrationEvent {
    }

    /** A step began. */
    record StepStarted(String migrationId, Instant at, Phase phase, String step, Side side) implements MigrationEvent {
    }

    /** A step ended well; its timing says how long it took and what it sent. */
    record StepCompleted(String migrationId, Instant at, StepTiming timing) implements MigrationEvent {
    }

    /** A step threw; rollback follows. */
    record StepFailed(String migrationId, Instant at, StepTiming timing, String message) implements MigrationEvent {
    }

    /** A phase ended; its report has every step. */
    record PhaseCompleted(String migrationId, Instant at, PhaseReport report) implements MigrationEvent {
    }

    /** Raised before anything runs, for example when the strategy does not carry the state the app needs. */
    record Warning(String migrationId, Instant at, String message) implements MigrationEvent {
    }

    /** Rollback began after a failure. */
    record RollbackStarted(String migrationId, Instant at, Phase phase, String reason) implements MigrationEvent {
    }

    /** Rollback ended; its report says what the source was left in. */
    record RollbackCompleted(String migrationId, Instant at, RollbackReport report) implements MigrationEvent {
    }

    /** The migration ended, well or not; the report says how. */
    record MigrationFinished(String migrationId, Instant at, MigrationReport report) implements MigrationEvent {
    }
}
