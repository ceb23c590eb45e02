package io.mecmig.orchestrator.live;

import io.mecmig.core.MigrationReport;
import io.mecmig.orchestrator.Decision;
import io.mecmig.orchestrator.UeObservation;

/** Told what a live orchestrator sees and does; called from its threads, so keep it quick. */
public interface DriveListener {

    /** The UE's attachment changed (PoA or zone). */
    default void onHandover(UeObservation before, UeObservation now) {
    }

    /** A decision, just before it is carried out. */
    default void onDecision(Decision decision) {
    }

    /** A migration ended, completed or rolled back. */
    default void onReport(String migrationId, MigrationReport report) {
    }

    /** A migration step failed; the app serves from the source. */
    default void onFailure(String migrationId, RuntimeException failure) {
    }
}
