package io.mecmig.orchestrator.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * The time a migration has, as the paper's Table V measures it: until the handover (for pre-relocation), and
 * how long the UE then stays with the target host (the migration must be over before it leaves again).
 *
 * @param lead time until the UE hands over to the target host (zero once it has)
 * @param dwell how long it is expected to stay with the target host
 * @param dwellAtLeast true when the UE was still with the target at the end of the prediction: the dwell is a
 *     lower bound
 */
public record TimeWindow(Duration lead, Duration dwell, boolean dwellAtLeast) {

    public TimeWindow {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(dwell, "dwell");
    }
}
