package io.mecmig.core;

import java.util.List;

/**
 * A way of moving an app: a named list of steps for each phase. Implementations are stateless values;
 * whatever a run needs to keep between steps goes into the {@link StepContext}.
 */
public interface Strategy {

    /**
     * The short name users type, for example {@code fccp}.
     *
     * @return the strategy's name
     */
    String name();

    /**
     * One sentence on how it moves the app.
     *
     * @return the description
     */
    String description();

    /**
     * How much of an app's state this strategy is designed to carry.
     *
     * @return the state it carries
     */
    StateNeeds preserves();

    /**
     * The steps of {@code phase}, in order.
     *
     * @param phase a phase
     * @return its steps
     */
    List<Step> steps(Phase phase);

    /**
     * The steps that bring the app back to serving from the source after {@code failed} went wrong.
     * Each runs even if an earlier one failed. The default removes whatever was started on the target,
     * restarts the source container and takes a migration-aware app out of migration mode; strategies
     * whose source stop loses memory (a checkpoint) restore from it instead.
     *
     * @param failed the phase whose step failed
     * @return the rollback steps, in order
     */
    default List<Step> rollback(Phase failed) {
        return Rollbacks.restartSource(failed);
    }

    /**
     * Work to do once a migration has ended, whatever its outcome: removing what the steps made only to move the app
     * and nothing needs afterwards, such as an image committed for the transfer. The engine runs it after any rollback
     * and once every figure of the report is taken, so it costs neither downtime nor step time, and a failure is a
     * warning in the report, never a failed migration; {@link Recovery} runs it after it finished or rolled back a
     * migration whose process died. Each step must therefore cope with any point the migration got to (nothing made
     * yet, or already removed by a rollback) and touch only what this migration made: another migration of the same
     * app may be running. After a migration that left the app serving nowhere none of it runs: what it would remove
     * may be what brings the app back. Work that only a running step knows of goes to
     * {@link StepContext#afterMigration} instead. The default does nothing.
     *
     * @return the steps, in order; each runs even if an earlier one failed
     */
    default List<Step> afterMigration() {
        return List.of();
    }
}
