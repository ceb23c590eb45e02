package io.mecmig.orchestrator.live;

import io.mecmig.core.MigrationReport;

/**
 * What carries out the orchestrator's decisions on real hosts. {@link CoreMigrationBackend} does it with the
 * migration-core API; an embedding MEO may bring its own. Calls come from one worker thread, one at a time.
 */
public interface MigrationBackend {

    /** Starts the app on {@code host}, where the UE is first seen. */
    void place(String host);

    /**
     * Runs phase 1 (the app keeps serving from {@code source}).
     *
     * @throws RuntimeException when it fails; the app must then still serve from the source
     */
    Prepared preRelocate(String migrationId, String source, String target, String strategy);

    /** A migration whose phase 1 is done. */
    interface Prepared {

        /**
         * Runs phase 2.
         *
         * @throws io.mecmig.core.StepFailedException after rollback: the app serves from the source again
         */
        MigrationReport relocate();

        /** Removes what phase 1 left on the target. */
        void abort();
    }
}
