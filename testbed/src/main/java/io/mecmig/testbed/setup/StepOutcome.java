package io.mecmig.testbed.setup;

/**
 * What happened to one setup step.
 *
 * @param title    the step's title
 * @param skipped  true when it was already in place
 * @param action   what was done (or why nothing was)
 * @param verified what the verification checked
 */
public record StepOutcome(String title, boolean skipped, String action, String verified) {
}
