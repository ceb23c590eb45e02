package io.mecmig.core;

/**
 * A step of a strategy failed. {@link #sourceState()} says what the engine left on the source afterwards.
 */
public class StepFailedException extends MigrationException {

    private static final long serialVersionUID = 1L;

    /** The phase of the failed step. */
    private final Phase phase;
    /** The failed step's name. */
    private final String step;
    /** Where the failed step ran. */
    private final Side side;
    /** What the engine left on the source. */
    private final SourceState sourceState;
    private final transient MigrationReport report;

    /**
     * A failure without a report, for a single step run outside a migration.
     *
     * @param phase       the phase of the failed step
     * @param step        the failed step's name
     * @param side        where it ran
     * @param sourceState what the source was left in
     * @param cause       the step's error
     */
    public StepFailedException(Phase phase, String step, Side side, SourceState sourceState, Throwable cause) {
        this(phase, step, side, sourceState, cause, null);
    }

    /**
     * With the report of the failed migration, which says what rollback did.
     *
     * @param phase       the phase of the failed step
     * @param step        the failed step's name
     * @param side        where it ran
     * @param sourceState what the source was left in
     * @param cause       the step's error
     * @param report      the failed migration's report
     */
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

    /** @return the phase of the failed step */
    public Phase phase() {
        return phase;
    }

    /** @return the failed step's name */
    public String step() {
        return step;
    }

    /** @return where the failed step ran */
    public Side side() {
        return side;
    }

    /** @return what the engine left on the source: untouched, restored, or not serving */
    public SourceState sourceState() {
        return sourceState;
    }

    /**
     * @return the failed migration's report, or null when the failure came from a single step outside a
     *     migration
     */
    public MigrationReport report() {
        return report;
    }
}
