package io.mecmig.core;

/** What to do when the state check finds the app's state lost on the target. */
public enum StateLossPolicy {
    /** Treat it as a failed migration: roll back so the app serves from the source with its state (default). */
    ROLL_BACK,
    /**
     * Keep the app on the target and record the loss; for experiments that measure which strategies keep
     * state (the paper's Table IV). The user's state is lost on the target, so never use it in production.
     */
    RECORD
}
