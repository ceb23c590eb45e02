/**
 * The experiment runner: runs every cell of a matrix (apps x strategies x link rates x packet loss) a
 * number of times on a {@link io.mecmig.experiment.TestbedSession}, from a clean state each time, and
 * appends one JSON line and one CSV row per run. Finished runs are skipped when the same output folder
 * is used again, so an interrupted experiment resumes where it stopped.
 */
package io.mecmig.experiment;
