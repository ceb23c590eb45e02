package io.mecmig.core;

/**
 * The app's state read on the source before the stop and on the target after the start, and the verdict.
 *
 * @param needs what the app needs carried
 * @param carried what the strategy is designed to carry
 * @param before state on the source just before the service stopped; null if it could not be read
 * @param after state on the target once ready; null if it could not be read
 * @param preserved the verdict of the app's state probe
 * @param detail what was compared, in words
 */
public record StateCheck(StateNeeds needs, StateNeeds carried, String before, String after, boolean preserved,
                         String detail) {
}
