package io.mecmig.apps.uspa;

/** The migration phase USPA has been told about through {@code /changePhase}. */
public enum Phase {
    /** No migration: runtime logs go to the container filesystem. */
    NORMAL,
    /** A migration is under way: nothing is written to the container filesystem, runtime data goes to the volume. */
    MIGRATION
}
