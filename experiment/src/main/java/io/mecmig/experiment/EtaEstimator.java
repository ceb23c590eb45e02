package io.mecmig.experiment;

import java.time.Duration;
import java.util.Optional;

/**
 * Estimates the time left from the mean duration of the runs done in this attempt. Runs kept from an
 * earlier attempt took no time now, so they do not count.
 */
final class EtaEstimator {

    private long measuredNanos;
    private int measuredRuns;

    void ran(long nanos) {
        measuredNanos += nanos;
        measuredRuns++;
    }

    Optional<Duration> remaining(int runsLeft) {
        if (measuredRuns == 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(measuredNanos / measuredRuns * runsLeft));
    }
}
