package io.mecmig.core;

/** The two phases of a migration, triggered separately by whoever decides when to move the app. */
public enum Phase {
    /** Procedure A: the app keeps serving on the source while the target is prepared. */
    PRE_RELOCATION,
    /** Procedure B: the app is stopped on the source and started on the target; this phase holds the downtime. */
    RELOCATION
}
