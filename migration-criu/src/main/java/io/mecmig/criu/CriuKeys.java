package io.mecmig.criu;

import io.mecmig.core.AppState;
import io.mecmig.core.Key;

/** Names of the data checkpoint steps leave for later ones (and for rollback) in the step context. */
final class CriuKeys {

    /** The source container's full id (journaled, as the other ids and folders: recovery's rollback needs them). */
    static final Key<String> SOURCE_ID = Key.journaled("criu.source.id");
    /** The target container's full id, once created. */
    static final Key<String> TARGET_ID = Key.journaled("criu.target.id");
    /** Where the checkpoint images sit on the target before they are placed (FullSP's rsync destination). */
    static final Key<String> TARGET_IMAGES = Key.of("criu.target.images", String.class);
    /**
     * The source's final checkpoint as Docker knows it: a folder name under the container's checkpoints. Set in
     * pre-relocation, before any dump: a rollback, or a recovery after a crash of the orchestrator, restores the
     * source from it when it is complete.
     */
    static final Key<String> SOURCE_FINAL_CHECKPOINT = Key.journaled("criu.source.final");
    /** The folder on the source holding the pre-relocation dump, the fallback of a rollback whose final dump broke. */
    static final Key<String> SOURCE_PRE_DUMP = Key.journaled("criu.source.pre.dump");
    /** The source's final dump made with runc, a folder on the source host (page-delta strategy). */
    static final Key<String> SOURCE_FINAL_DUMP = Key.of("criu.source.final.dump", String.class);
    /** The app's state read just before the freeze, to check a rolled-back source against. */
    static final Key<AppState> STATE_BEFORE = Key.of("criu.state.before", AppState.class);

    private CriuKeys() {
    }
}
