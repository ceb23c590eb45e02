package io.mecmig.sandbox.scenario;

/** What a UE does at the end of its path. */
public enum EopMode {
    /** Restart the path at its start. */
    LOOP,
    /** Walk the path back, then forth again. */
    REVERSE
}
