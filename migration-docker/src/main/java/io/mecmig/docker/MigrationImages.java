package io.mecmig.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.mecmig.core.Key;
import io.mecmig.core.ServiceEffect;
import io.mecmig.core.Side;
import io.mecmig.core.Step;
import io.mecmig.core.StepContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The images a migration makes only to move an app, and their removal once it has ended. FCCP and the CRIU strategies
 * commit the source container into an image and load it on the target; SFP imports one on the target. Each is named
 * {@link CommonSteps#imageName} ({@code mecmig/CONTAINER:MIGRATION-ID}); a migration id is unique only within one
 * process, so a later run's commit, load or import takes the tag over from an older image, which is left untagged.
 *
 * <p>Once the migration has ended, well or not ({@link StepContext#afterMigration}: after the report's figures, off the
 * downtime), each host keeps every image a container was created from, running or stopped (a stopped one can be
 * started again: the source's copy after a move, the target's after a rollback), and every image that carries a tag of
 * anyone else; it loses the rest of this app's migration images, its own and those older runs left, and the images
 * this migration's steps left untagged. The target's container keeps the image it runs from.
 */
public final class MigrationImages {

    private static final String NO_TAG = "<none>:<none>";

    /**
     * One image on a host.
     *
     * @param id   its id ({@code sha256:...})
     * @param tags its repository tags ({@code repo:tag}); empty when it has none
     */
    public record Image(String id, List<String> tags) {
        /**
         * Drops Docker's placeholder for "no tag".
         *
         * @param id   its id
         * @param tags its tags as the Engine API lists them, possibly null
         */
        public Image {
            Objects.requireNonNull(id, "id");
            tags = tags == null ? List.of() : tags.stream().filter(t -> !NO_TAG.equals(t)).toList();
        }
    }

    private MigrationImages() {
    }

    /**
     * The decision: which of a host's images to remove after a migration of {@code container}.
     *
     * @param images         the host's images
     * @param usedByContainers the ids of the images its containers, in any state, were created from
     * @param container      the migrated app's container name
     * @param leftUntagged   ids of images whose tag this migration's commit, load or import took over
     * @return the images no container uses whose tags are all migration tags of this app, and that have one or were
     *         left untagged by this migration
     */
    public static List<Image> removable(List<Image> images, Set<String> usedByContainers, String container,
                                        Set<String> leftUntagged) {
        return images.stream()
                .filter(i -> !usedByContainers.contains(i.id()))
                .filter(i -> i.tags().stream().allMatch(t -> isMigrationTag(t, container)))
                .filter(i -> !i.tags().isEmpty() || leftUntagged.contains(i.id()))
                .toList();
    }

    /**
     * Whether {@code repoTag} is one a migration of {@code container} gives its images ({@link CommonSteps#imageName}).
     *
     * @param repoTag   {@code repo:tag}
     * @param container the app's container name
     * @return true for {@code mecmig/CONTAINER:CONTAINER-...}
     */
    public static boolean isMigrationTag(String repoTag, String container) {
        return repoTag.startsWith(repository(container) + ":" + tagSafe(container) + "-");
    }

    /** The repository of a migration's images of {@code container}. */
    static String repository(String container) {
        return "mecmig/" + container;
    }

    /** {@code text} as a tag may carry it. */
    static String tagSafe(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
    }

    /**
     * Before a step puts a new image under {@code image} on the {@code side} host: remembers which image had that
     * name, so that it is removed after the migration if nothing else needs it, and adds that removal (on both hosts)
     * to the migration's end.
     *
     * @param ctx   the step's context
     * @param side  {@link Side#SOURCE} or {@link Side#TARGET}
     * @param image the name the step is about to give its image
     */
    static void beforeTagging(StepContext ctx, Side side, String image) {
        DockerHost host = host(ctx, side);
        try {
            ctx.put(leftUntaggedKey(side), host.docker().inspectImageCmd(image).exec().getId());
        } catch (NotFoundException e) {
            // a new name: no image loses it
        }
        ctx.afterMigration(removeUnused(Side.SOURCE));
        ctx.afterMigration(removeUnused(Side.TARGET));
    }

    /**
     * After the migration, on the {@code side} host: removes what {@link #removable} picks.
     *
     * @param side {@link Side#SOURCE} or {@link Side#TARGET}
     * @return the step, named for the warning its failure gives
     */
    static Step removeUnused(Side side) {
        String name = "remove this app's migration images no container uses, on the " + side.name().toLowerCase(Locale.ROOT);
        return new Step(name, side, ServiceEffect.NONE, ctx -> {
            DockerHost host = host(ctx, side);
            Set<String> leftUntagged = ctx.find(leftUntaggedKey(side)).map(Set::of).orElse(Set.of());
            remove(host, removable(images(host.docker()), imagesInUse(host.docker()), ctx.app().container(),
                    leftUntagged));
        });
    }

    private static void remove(DockerHost host, List<Image> images) {
        List<String> failed = new ArrayList<>();
        for (Image image : images) {
            // By tag first: an image under several tags is removed by its last; never forced, so Docker itself
            // refuses an image a container was created from in the meantime.
            List<String> names = image.tags().isEmpty() ? List.of(image.id()) : image.tags();
            for (String name : names) {
                try {
                    host.docker().removeImageCmd(name).withForce(false).exec();
                } catch (NotFoundException e) {
                    // gone already
                } catch (DockerException e) {
                    failed.add(name + " (" + e.getMessage() + ")");
                }
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("could not remove from " + host.name() + ": " + String.join(", ", failed));
        }
    }

    private static List<Image> images(DockerClient docker) {
        return docker.listImagesCmd().exec().stream().map(i -> new Image(i.getId(),
                i.getRepoTags() == null ? null : List.of(i.getRepoTags()))).toList();
    }

    private static Set<String> imagesInUse(DockerClient docker) {
        Set<String> ids = new HashSet<>();
        docker.listContainersCmd().withShowAll(true).exec().forEach(c -> ids.add(c.getImageId()));
        return ids;
    }

    private static DockerHost host(StepContext ctx, Side side) {
        return side == Side.SOURCE ? ctx.source(DockerHost.class) : ctx.target(DockerHost.class);
    }

    private static Key<String> leftUntaggedKey(Side side) {
        return Key.of("docker.image.left-untagged." + side.name().toLowerCase(Locale.ROOT), String.class);
    }
}
