package io.mecmig.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.mecmig.core.Key;
import io.mecmig.core.ServiceEffect;
import io.mecmig.core.Side;
import io.mecmig.core.Step;
import io.mecmig.core.Strategy;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The images a migration makes only to move an app, and their removal. FCCP and the CRIU strategies commit the source
 * container into an image and load it on the target; SFP imports one on the target. Each is named
 * {@link CommonSteps#imageName} ({@code mecmig/CONTAINER:MIGRATION-ID}), and since a migration id is unique across
 * processes and machines, that name is this migration's image and no other's: no commit, load or import ever takes a
 * tag over from an older image.
 *
 * <p>Once the migration has ended, well or not ({@link Strategy#afterMigration}: after the report's figures, off the
 * downtime), each host loses this migration's image unless a container there, running or stopped, was created from it:
 * the target keeps the image its container runs from, the source loses its commit (a rollback has removed both
 * already). Other migrations' images are never touched, not even unused ones of the same app: a concurrent migration
 * may have loaded its image on a host and not yet created its container there.
 *
 * <p>A migration whose process died is resolved by {@code mecmig recover} ({@link io.mecmig.core.Recovery}): it rolls
 * it back, which removes both images (their names are journaled before they are made), or finishes it, and then runs
 * this removal too. The image a completed migration's container runs from goes with that container:
 * {@link #removeContainerAndItsImage}.
 */
public final class MigrationImages {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationImages.class);

    private MigrationImages() {
    }

    /**
     * The work for once a migration has ended: on each host, remove the image this migration made there unless a
     * container was created from it.
     *
     * @return the steps, for {@link Strategy#afterMigration}
     */
    public static List<Step> afterMigration() {
        return List.of(removeOwn(Side.SOURCE, DockerKeys.COMMITTED_IMAGE), removeOwn(Side.TARGET, DockerKeys.TARGET_IMAGE));
    }

    private static Step removeOwn(Side side, Key<String> image) {
        String name = "remove this migration's image from the " + side.name().toLowerCase(Locale.ROOT)
                + " unless a container runs from it";
        return new Step(name, side, ServiceEffect.NONE, ctx -> ctx.find(image).ifPresent(made -> removeUnlessUsed(
                side == Side.SOURCE ? ctx.source(DockerHost.class) : ctx.target(DockerHost.class), made)));
    }

    /**
     * Removes {@code container} from {@code host} and, when a migration made the image it was created from, that image
     * too unless another container there uses it: the copy a completed migration left on a host (stopped on the
     * source, or the target's after the app moved on) takes its image with it. Failing to remove the image is only
     * logged; the container is gone either way.
     *
     * @param host      the host
     * @param container the container's name; nothing happens when there is none
     */
    public static void removeContainerAndItsImage(DockerHost host, String container) {
        String image;
        try {
            InspectContainerResponse inspected = host.docker().inspectContainerCmd(container).exec();
            image = inspected.getConfig() == null ? null : inspected.getConfig().getImage();
        } catch (NotFoundException e) {
            image = null;
        }
        host.removeContainer(container);
        if (image != null && isMadeByMigration(image, container)) {
            try {
                removeUnlessUsed(host, image);
            } catch (RuntimeException e) {
                LOG.warn("removed container {} from {} but not the migration image {} it ran from: {}", container,
                        host.name(), image, e.getMessage());
            }
        }
    }

    /**
     * The images migrations of {@code container} made that {@code host} still has, by name: those of migrations still
     * running, of moved copies of the app, and any a removal left behind. Listed with a reference filter, so the
     * daemon's other images are not sent.
     *
     * @param host      the host
     * @param container the app's container name
     * @return their names ({@code repo:tag})
     */
    public static List<String> on(DockerHost host, String container) {
        return host.docker().listImagesCmd().withReferenceFilter(repository(container)).exec().stream()
                .flatMap(i -> i.getRepoTags() == null ? Stream.empty() : Arrays.stream(i.getRepoTags()))
                .filter(name -> isMadeByMigration(name, container)).sorted().toList();
    }

    /**
     * Whether {@code image} is a name a migration of {@code container} gives its images ({@link CommonSteps#imageName}).
     *
     * @param image     an image name, {@code repo:tag}
     * @param container the app's container name
     * @return true for {@code mecmig/CONTAINER:CONTAINER-...}: the tag is checked too, since an app's own build may
     *     have the same repository (an app built as {@code mecmig/uspa} run as container {@code uspa})
     */
    static boolean isMadeByMigration(String image, String container) {
        String lower = container.toLowerCase(Locale.ROOT);
        return image.startsWith(repository(container) + ":" + lower + "-");
    }

    /** The repository of a migration's images of {@code container}. */
    static String repository(String container) {
        return "mecmig/" + container.toLowerCase(Locale.ROOT);
    }

    /**
     * Removes {@code image} by its name unless a container was created from it; never forced, so that Docker itself
     * refuses one a container was created from in the meantime. By name: an image someone else tagged too keeps their
     * tag and stays.
     */
    private static void removeUnlessUsed(DockerHost host, String image) {
        String id;
        try {
            id = host.docker().inspectImageCmd(image).exec().getId();
        } catch (NotFoundException e) {
            return; // never made, or removed already
        }
        Set<String> used = host.docker().listContainersCmd().withShowAll(true).exec().stream()
                .map(Container::getImageId).collect(Collectors.toSet());
        if (used.contains(id)) {
            return;
        }
        try {
            host.removeImage(image);
        } catch (ConflictException e) {
            // a container was created from it after the check: it stays
        }
    }
}
