package io.mecmig.orchestrator.plan;

import java.util.Optional;

/**
 * The chooser's answer for one handover: which strategy and why, or why none.
 *
 * @param strategy the chosen strategy; empty when the migration is missed
 * @param estimate its expected cost; empty when missed
 * @param verdict whether it is in time
 * @param reason why, in one or two sentences
 */
public record StrategyChoice(Optional<StrategyOption> strategy, Optional<CostEstimate> estimate, Verdict verdict,
                             String reason) {

    /** How the chosen migration fits the time the UE leaves it. */
    public enum Verdict {
        /** Pre-relocation ends before the handover: relocation can start right at it. */
        ON_TIME,
        /** Pre-relocation ends after the handover but the move completes while the UE is still there. */
        LATE,
        /** No strategy that keeps the state the app needs completes before the UE leaves again. */
        MISSED
    }
}
