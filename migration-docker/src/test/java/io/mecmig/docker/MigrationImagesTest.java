package io.mecmig.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.docker.MigrationImages.Image;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MigrationImagesTest {

    private static final String APP = "mec-uspa";
    /** The app's own build, which a migration never made. */
    private final Image build = new Image("sha256:build", List.of("mecmig/uspa:latest", "mecmig/uspa:67a675ffca67"));
    /** This migration's commit on the source, or its load on the target. */
    private final Image moved = new Image("sha256:moved", List.of("mecmig/mec-uspa:mec-uspa-fccp-1"));
    /** An older run's image, whose tag this migration's commit or load took over. */
    private final Image displaced = new Image("sha256:displaced", List.of("<none>:<none>"));
    /** An older migration's image, left tagged when the container made from it was removed. */
    private final Image older = new Image("sha256:older", List.of("mecmig/mec-uspa:mec-uspa-fullsp-delta-4"));
    /** An untagged image nobody can say who made. */
    private final Image anonymous = new Image("sha256:anonymous", null);
    private final List<Image> all = List.of(build, moved, displaced, older, anonymous);

    @Test
    void afterAMoveTheSourceLosesItsCommitAndWhatItsTagLeftButKeepsWhatItsStoppedContainerRunsFrom() {
        Set<String> usedByStoppedSource = Set.of("sha256:build");

        assertThat(MigrationImages.removable(all, usedByStoppedSource, APP, Set.of("sha256:displaced")))
                .containsExactlyInAnyOrder(moved, displaced, older);
    }

    @Test
    void theTargetKeepsTheImageItsContainerRunsFrom() {
        Set<String> usedByTarget = Set.of("sha256:moved");

        assertThat(MigrationImages.removable(all, usedByTarget, APP, Set.of("sha256:displaced")))
                .containsExactlyInAnyOrder(displaced, older);
    }

    @Test
    void anImageAStoppedContainerWasCreatedFromStaysEvenUntaggedByThisMigration() {
        Set<String> used = Set.of("sha256:displaced", "sha256:older");

        assertThat(MigrationImages.removable(all, used, APP, Set.of("sha256:displaced"))).containsExactly(moved);
    }

    @Test
    void untaggedImagesThisMigrationDidNotUntagStay() {
        assertThat(MigrationImages.removable(all, Set.of(), APP, Set.of())).doesNotContain(anonymous, displaced);
    }

    @Test
    void anImageAlsoTaggedByAnyoneElseStays() {
        Image retagged = new Image("sha256:kept", List.of("mecmig/mec-uspa:mec-uspa-fccp-2", "mine/uspa:keep"));

        assertThat(MigrationImages.removable(List.of(retagged), Set.of(), APP, Set.of())).isEmpty();
    }

    @Test
    void onlyThisAppsMigrationTagsCount() {
        assertThat(MigrationImages.isMigrationTag("mecmig/mec-uspa:mec-uspa-fccp-1", APP)).isTrue();
        assertThat(MigrationImages.isMigrationTag("mecmig/mec-uspa:mec-uspa-fullsp-delta-12", APP)).isTrue();
        assertThat(MigrationImages.isMigrationTag("mecmig/mec-uspa-2:mec-uspa-2-fccp-1", APP)).isFalse();
        assertThat(MigrationImages.isMigrationTag("mecmig/uspa:latest", "uspa")).isFalse();
        assertThat(MigrationImages.isMigrationTag("mecmig/uspa:67a675ffca67", "uspa")).isFalse();
        assertThat(MigrationImages.isMigrationTag("mecmig/mec-asw:mec-asw-fccp-1", APP)).isFalse();
        Image otherApp = new Image("sha256:asw", List.of("mecmig/mec-asw:mec-asw-fccp-1"));
        assertThat(MigrationImages.removable(List.of(otherApp), Set.of(), APP, Set.of())).isEmpty();
    }
}
