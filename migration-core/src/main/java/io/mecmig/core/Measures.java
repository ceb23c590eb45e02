package io.mecmig.core;

/**
 * Names of the figures steps record with {@link StepContext#measure}: sizes in bytes, times in seconds.
 * One place, so that backends, the experiment runner and the report agree.
 */
public final class Measures {

    /** Size of the container on the source (docker inspect SizeRootFs), bytes. */
    public static final String CONTAINER_SIZE = "container.size.bytes";
    /** Size of the image the strategy moves (tarball written by export or save), bytes. */
    public static final String TARBALL_SIZE = "tarball.size.bytes";
    /** Size of the checkpoint taken in pre-relocation, bytes. */
    public static final String CHECKPOINT_PRE_SIZE = "checkpoint.pre.size.bytes";
    /** Size of the checkpoint taken in relocation, bytes. */
    public static final String CHECKPOINT_SIZE = "checkpoint.size.bytes";
    /** Bytes of checkpoint data that had to cross the link in relocation. */
    public static final String CHECKPOINT_SENT = "checkpoint.sent.bytes";
    /** Size of the app's volumes at relocation, bytes. */
    public static final String VOLUME_SIZE = "volume.size.bytes";
    /** How long {@code docker commit} kept the container paused, seconds. */
    public static final String COMMIT_FREEZE = "commit.freeze.seconds";
    /** How long the app's processes were frozen by the final checkpoint, seconds. */
    public static final String FROZEN_TIME = "checkpoint.frozen.seconds";
    /** From the restore command to the restored process running, seconds. */
    public static final String RESTORE_TIME = "restore.seconds";

    private Measures() {
    }
}
