package io.mecmig.orchestrator;

import java.time.Duration;

/**
 * When to act on a prediction.
 *
 * @param triggerFactor start pre-relocation once the predicted handover is at most this many times the
 *     expected pre-relocation time away (more than 1 leaves room for an optimistic estimate)
 * @param triggerSlack plus this much
 * @param abortGrace give up a prepared migration when the predicted handover is this late and no longer predicted
 */
public record OrchestratorSettings(double triggerFactor, Duration triggerSlack, Duration abortGrace) {

    public OrchestratorSettings {
        if (!(triggerFactor >= 1)) {
            throw new IllegalArgumentException("trigger factor must be at least 1, got " + triggerFactor);
        }
    }

    public static OrchestratorSettings defaults() {
        return new OrchestratorSettings(1.5, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    /**
     * Starts pre-relocation well ahead of the predicted handover: three times the expected time plus 10 s. For
     * hosts whose timings vary (shared cores, a first run whose cost is only modelled), where a late start costs
     * the handover while an early one costs only a slightly older copy of the container's filesystem.
     */
    public static OrchestratorSettings ahead() {
        return new OrchestratorSettings(3, Duration.ofSeconds(10), Duration.ofSeconds(10));
    }
}
