package io.mecmig.docker;

import io.mecmig.core.Key;

/** Names of the data Docker steps leave for later ones in the {@link io.mecmig.core.StepContext}. */
public final class DockerKeys {

    /** The source container's volumes and published port. */
    public static final Key<SourceLayout> LAYOUT = Key.of("docker.layout", SourceLayout.class);
    /** The image tarball in the source's work dir. */
    public static final Key<String> SOURCE_TARBALL = Key.of("docker.tarball.source", String.class);
    /** The image tarball in the target's work dir. */
    public static final Key<String> TARGET_TARBALL = Key.of("docker.tarball.target", String.class);
    /** The image committed on the source (FCCP, FullSP). */
    public static final Key<String> COMMITTED_IMAGE = Key.of("docker.image.committed", String.class);
    /** The image on the target that relocation runs (imported or loaded). */
    public static final Key<String> TARGET_IMAGE = Key.of("docker.image.target", String.class);
    /** Set once relocation created the app's volumes on the target, so that rollback removes only those. */
    public static final Key<Boolean> TARGET_VOLUMES_CREATED = Key.of("docker.volumes.created", Boolean.class);

    private DockerKeys() {
    }
}
