package io.mecmig.core;

/** How a migration ended. */
public enum Outcome {
    /** The app serves from the target. */
    COMPLETED,
    /** A step failed; the app serves from the source again, its state intact. */
    ROLLED_BACK,
    /** A step failed and rollback could not bring the source back: the app may be down. */
    FAILED
}
