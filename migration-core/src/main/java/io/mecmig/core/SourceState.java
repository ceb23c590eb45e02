package io.mecmig.core;

/** What a failed migration left on the source host: the promise the engine keeps about the user's app. */
public enum SourceState {
    /** The failure came before the service stopped: the source never stopped serving. */
    UNTOUCHED("the source app was never stopped and still serves"),
    /** The service had stopped; rollback brought the source app back and it answers again. */
    RESTORED("rollback restarted the source app and it serves again"),
    /** Rollback failed too: the app may be down. The report says which rollback action failed. */
    NOT_SERVING("rollback could not bring the source app back: it is NOT serving, see the report's rollback log");

    private final String description;

    SourceState(String description) {
        this.description = description;
    }

    String describe() {
        return description;
    }
}
