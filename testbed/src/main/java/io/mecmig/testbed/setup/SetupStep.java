package io.mecmig.testbed.setup;

/**
 * One idempotent piece of the setup: check whether it is already in place, act only when not, then
 * verify the result really works (also when nothing had to be done).
 */
public interface SetupStep {

    /** Short name shown to the user, e.g. "CRIU 4.2.1". */
    String title();

    /** True when nothing needs to be done (the check). Must not change the machine. */
    boolean isDone();

    /**
     * Makes the step's thing exist (the act).
     *
     * @return a one-line account of what was done
     */
    String apply();

    /**
     * Proves the result is usable (the verify).
     *
     * @return a one-line account of what was checked
     * @throws SetupException when it is not usable
     */
    String verify();
}
