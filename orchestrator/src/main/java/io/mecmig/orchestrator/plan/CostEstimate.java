package io.mecmig.orchestrator.plan;

import java.time.Duration;

/**
 * How long a strategy is expected to take for an app.
 *
 * @param preRelocation phase 1, while the app keeps serving
 * @param downtime phase 2, the service interruption
 * @param basis where the figures come from (a model of sizes and link rate, or earlier runs)
 */
public record CostEstimate(Duration preRelocation, Duration downtime, String basis) {

    /** Both phases. */
    public Duration total() {
        return preRelocation.plus(downtime);
    }
}
