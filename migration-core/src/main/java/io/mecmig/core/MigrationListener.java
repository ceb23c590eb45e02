package io.mecmig.core;

/** Receives one type of {@link MigrationEvent}. */
@FunctionalInterface
public interface MigrationListener<E extends MigrationEvent> {
    void on(E event);
}
