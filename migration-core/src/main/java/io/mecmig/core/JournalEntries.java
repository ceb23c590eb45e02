package io.mecmig.core;

/** The event names of journal lines; one place so the writer and the reader agree. */
final class JournalEntries {

    static final String STARTED = "started";
    static final String PHASE = "phase";
    static final String STEP_STARTED = "step-started";
    static final String STEP_COMPLETED = "step-completed";
    static final String SERVICE_STOPPED = "service-stopped";
    static final String SERVICE_STARTED = "service-started";
    static final String VALUE = "value";
    static final String PRE_RELOCATED = "pre-relocated";
    static final String COMPLETED = "completed";
    static final String ROLLED_BACK = "rolled-back";
    static final String ABORTED = "aborted";
    static final String RECOVERED = "recovered";

    /** The engine's own journaled value: the app's state read on the source just before the stop. */
    static final String STATE_BEFORE = "engine.state-before";

    private JournalEntries() {
    }

    static boolean isEnd(String event) {
        return COMPLETED.equals(event) || ROLLED_BACK.equals(event) || ABORTED.equals(event)
                || RECOVERED.equals(event);
    }
}
