package io.mecmig.docker;

import io.mecmig.core.Key;
import io.mecmig.docker.transfer.Checksums;

/**
 * Names of the data Docker steps leave for later ones in the {@link io.mecmig.core.StepContext}. What rollback
 * needs (images, tarballs, created volumes) is journaled, so that a recovery after a crash cleans up too.
 */
public final class DockerKeys {

    /** The source container's volumes and published port. */
    public static final Key<SourceLayout> LAYOUT = Key.of("docker.layout", SourceLayout.class);
    /** The image tarball in the source's work dir. */
    public static final Key<String> SOURCE_TARBALL = Key.journaled("docker.tarball.source");
    /** The image tarball in the target's work dir. */
    public static final Key<String> TARGET_TARBALL = Key.journaled("docker.tarball.target");
    /** The image committed on the source (FCCP, FullSP). */
    public static final Key<String> COMMITTED_IMAGE = Key.journaled("docker.image.committed");
    /** The image on the target that relocation runs (imported or loaded). */
    public static final Key<String> TARGET_IMAGE = Key.journaled("docker.image.target");
    /** "yes" once relocation created the app's volumes on the target, so that rollback removes only those. */
    public static final Key<String> TARGET_VOLUMES_CREATED = Key.journaled("docker.volumes.created");

    /** The full id of the container created on the target in pre-relocation (FCCP); its start gates are named by it. */
    public static final Key<String> TARGET_CONTAINER_ID = Key.journaled("docker.container.target.id");

    /** The sum the source took of the image tarball, which the target checks its copy against before loading it. */
    public static final Key<Checksums.Sum> TARBALL_SUM = Key.of("docker.tarball.sum", Checksums.Sum.class);

    /** Where a volume of the container created on the target in pre-relocation is (FCCP), read before the downtime. */
    public static Key<String> targetMountpoint(String volume) {
        return Key.of("docker.volume.mountpoint.target." + volume, String.class);
    }

    /** The sum the source took of a volume's tarball, which the target checks its copy against before use. */
    public static Key<Checksums.Sum> volumeSum(String volume) {
        return Key.of("docker.volume.sum." + volume, Checksums.Sum.class);
    }

    private DockerKeys() {
    }
}
