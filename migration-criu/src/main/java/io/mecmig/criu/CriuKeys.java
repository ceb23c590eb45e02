package io.mecmig.criu;

import io.mecmig.core.AppState;
import io.mecmig.core.Key;

/** Names of the data checkpoint steps leave for later ones (and for rollback) in the step context. */
final class CriuKeys {

    /** The source container's full id. */
    static final Key<String> SOURCE_ID = Key.of("criu.source.id", String.class);
    /** The target container's full id, once created. */
    static final Key<String> TARGET_ID = Key.of("criu.target.id", String.class);
    /** Where the checkpoint images sit on the target before they are placed (FullSP's rsync destination). */
    static final Key<String> TARGET_IMAGES = Key.of("criu.target.images", String.class);
    /** The source's final checkpoint as Docker knows it: a folder name under the container's checkpoints. */
    static final Key<String> SOURCE_FINAL_CHECKPOINT = Key.of("criu.source.final", String.class);
    /** The source's final dump made with runc, a folder on the source host (page-delta strategy). */
    static final Key<String> SOURCE_FINAL_DUMP = Key.of("criu.source.final.dump", String.class);
    /** The app's state read just before the freeze, to check a rolled-back source against. */
    static final Key<AppState> STATE_BEFORE = Key.of("criu.state.before", AppState.class);

    private CriuKeys() {
    }
}
