package io.mecmig.core;

/** The work of one step. It may throw anything: the engine turns a failure into rollback and a report. */
@FunctionalInterface
public interface StepAction {
    /**
     * Does the step's work.
     *
     * @param context the app, the hosts, data from earlier steps, and where to record bytes and figures
     * @throws Exception any failure; the engine reports it and rolls back
     */
    void run(StepContext context) throws Exception;
}
