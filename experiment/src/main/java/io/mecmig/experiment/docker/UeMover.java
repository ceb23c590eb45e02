package io.mecmig.experiment.docker;

/**
 * Moves the MEC platform's UEs forward in scenario time, so that an app accumulates state (zone changes,
 * visited zones) in the few seconds before a migration: the embedded sandbox's clock, stepped.
 */
@FunctionalInterface
public interface UeMover {

    /** Advances the scenario by {@code seconds} of scenario time. */
    void advance(int seconds);
}
