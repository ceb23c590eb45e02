package io.mecmig.core;

/**
 * A step of a strategy failed. {@link #sourceState()} says what the engine left on the source afterwards.
 */
public class StepFailedException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final Phase phase;
    private final String step;
    private final Side side;
    private final SourceState sourceState;
    private final transient MigrationReport report;

    public StepFailedException(Phase phase, String step, Side side, SourceState sourceState, Throwable cause) {
        this(phase, step, side, sourceState, cause, null);
    }

    /** With the report of the failed migration, which says what rollback did. */
    public StepFailedException(Phase phase, String step, Side side, SourceState sourceState, Throwable cause,
                               MigrationReport report) {
        super(phase + " step '" + step + "' on the " + side.name().toLowerCase() + " side failed: "
                + describe(cause) + "; " + sourceState.describe(), cause);
        this.phase = phase;
        this.step = step;
        this.side = side;
        this.sourceState = sourceState;
        this.report = report;
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    public Phase phase() {
        return phase;
    }

    public String step() {
        return step;
    }

    public Side side() {
        return side;
    }

    public SourceState sourceState() {
        return sourceState;
    }

    /** The failed migration's report, or null when the failure came from a single step outside a migration. */
    public MigrationReport report() {
        return report;
    }
}
