package io.mecmig.orchestrator;

import io.mecmig.orchestrator.plan.StrategyChoice;
import java.time.Duration;

/** What comes out of the {@link Orchestrator}: what to do now, and why. */
public sealed interface Decision {

    /** Why, in words. */
    String reason();

    /** Start the app on {@code host}: where the UE is when the orchestrator first sees it. */
    record Place(String host, String reason) implements Decision {
    }

    /**
     * Start phase 1 of a migration: prepare {@code target} while the app keeps serving from {@code source}.
     *
     * @param expectedLead the predicted time until the handover (zero when it already happened)
     * @param verdict whether the move is expected on time or late
     */
    record PreRelocate(String migrationId, String source, String target, String strategy, Duration expectedLead,
                       StrategyChoice.Verdict verdict, String reason) implements Decision {
    }

    /** Start phase 2 of {@code migrationId}: the UE handed over; move the app now. */
    record Relocate(String migrationId, String source, String target, String reason) implements Decision {
    }

    /** Give up {@code migrationId} (free what phase 1 prepared): the UE did not go where predicted. */
    record Abort(String migrationId, String reason) implements Decision {
    }

    /** The UE moved to {@code target}'s area, but there is no time to follow it: the app stays on {@code source}. */
    record Miss(String source, String target, String reason) implements Decision {
    }
}
