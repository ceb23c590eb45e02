package io.mecmig.experiment;

/** Follows an experiment run by run; called on the runner's thread. */
public interface ProgressListener {

    /** Runs kept from an earlier attempt, counted once before anything runs. */
    default void resumed(int kept, int total) {
    }

    /** The link is being shaped for the runs that follow. */
    default void shaping(io.mecmig.core.LinkProfile link) {
    }

    /** A run is about to be prepared and migrated (not called for runs of unavailable cells). */
    default void starting(RunKey run, Progress progress) {
    }

    /** A run ended, whatever its status; its line is already on disk. */
    default void finished(RunRecord record, Progress progress) {
    }

    /** Something worth saying that is not a run's result, for example a failed clean-up. */
    default void note(String message) {
    }

    /** A listener that ignores everything. */
    ProgressListener SILENT = new ProgressListener() {
    };
}
