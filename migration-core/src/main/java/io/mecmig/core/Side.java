package io.mecmig.core;

/** Where a step does its work; the report splits each phase's time by side, as the paper's figures do. */
public enum Side {
    /** Work on the source host ("source preparation"). */
    SOURCE,
    /** Bytes crossing the link between the hosts ("transfer"). */
    LINK,
    /** Work on the target host. */
    TARGET
}
