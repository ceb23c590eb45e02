package io.mecmig.core;

/** How a step changes whether the app is serving; the engine derives the downtime window from it. */
public enum ServiceEffect {
    /** The app serves as before. */
    NONE,
    /** The app stops serving on the source here: the paper's downtime starts with this step. */
    STOPS_SERVICE,
    /** The app is started on the target here: the paper's downtime ends with this step. */
    STARTS_SERVICE
}
