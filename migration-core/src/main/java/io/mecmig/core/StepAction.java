package io.mecmig.core;

/** The work of one step. It may throw anything: the engine turns a failure into rollback and a report. */
@FunctionalInterface
public interface StepAction {
    void run(StepContext context) throws Exception;
}
