package io.mecmig.core;

/**
 * A migration whose phase 1 is done: the target is prepared and the app still serves from the source.
 * Call {@link #relocate()} when the UE hands over, or {@link #abort()} if it never does.
 */
public final class PreRelocation {

    private final MigrationRun run;
    private final PhaseReport report;

    PreRelocation(MigrationRun run, PhaseReport report) {
        this.run = run;
        this.report = report;
    }

    /**
     * The migration's id.
     *
     * @return the migration's id
     */
    public String id() {
        return run.id();
    }

    /**
     * Phase 1's steps and timings.
     *
     * @return phase 1's report
     */
    public PhaseReport report() {
        return report;
    }

    /**
     * Runs phase 2 (relocation): the app stops on the source and starts on the target.
     *
     * @return the full report, outcome {@link Outcome#COMPLETED}
     * @throws StepFailedException after rollback, carrying the report; the app serves from the source again
     * @throws IllegalStateException when called twice or after {@link #abort()}
     */
    public MigrationReport relocate() {
        return run.relocate(report);
    }

    /** Gives up the migration: removes what phase 1 left on the target and frees the app for another one. */
    public void abort() {
        run.abort();
    }
}
