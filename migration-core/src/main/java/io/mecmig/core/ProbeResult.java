package io.mecmig.core;

import java.time.Duration;

/**
 * What the UE-side probe saw: it called the app every {@code interval} and kept the longest silence.
 *
 * @param interval time between calls
 * @param checks calls made
 * @param failures calls that got no good answer
 * @param longestGap the longest time between two good answers; null if the app never answered twice
 * @param longest the duration of {@code longestGap}, zero when there is none
 */
public record ProbeResult(Duration interval, long checks, long failures, Gap longestGap, Duration longest) {
}
