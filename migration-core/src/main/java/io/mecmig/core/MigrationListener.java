package io.mecmig.core;

/** Receives one type of {@link MigrationEvent}. */
@FunctionalInterface
public interface MigrationListener<E extends MigrationEvent> {
    /**
     * Called on the migration's thread for each event of the registered type. An exception thrown here does
     * not stop the migration: it becomes a warning in the report.
     *
     * @param event the event
     */
    void on(E event);
}
