package io.mecmig.experiment;

/** How one run ended, as written in its result line. */
public enum RunStatus {
    /** The migration completed: the app serves from the target. */
    COMPLETED(true),
    /** A step failed and the app serves from the source again; the report says which step. */
    ROLLED_BACK(true),
    /** A step failed and the source could not be brought back. */
    FAILED(true),
    /** The cell cannot run in this build or on this machine; retried when the experiment resumes. */
    UNAVAILABLE(false),
    /** The run could not be prepared or crashed outside the migration; retried when the experiment resumes. */
    ERROR(false);

    private final boolean finished;

    RunStatus(boolean finished) {
        this.finished = finished;
    }

    /** Whether the run produced a migration report and is kept (skipped) when the experiment resumes. */
    public boolean finished() {
        return finished;
    }
}
