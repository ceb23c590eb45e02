package io.mecmig.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.core.Side;
import io.mecmig.core.Step;
import org.junit.jupiter.api.Test;

class MigrationImagesTest {

    private static final String APP = "mec-uspa";

    @Test
    void theImagesAMigrationMakesAreInItsAppsMigrationRepository() {
        assertThat(MigrationImages.isMadeByMigration("mecmig/mec-uspa:mec-uspa-fccp-20261127-103512-k3f9q2", APP))
                .isTrue();
        assertThat(MigrationImages.isMadeByMigration("mecmig/mec-uspa:mec-uspa-fccp-1", APP))
                .as("an image an older version named").isTrue();
    }

    @Test
    void theAppsOwnBuildAndOtherAppsMigrationImagesAreNot() {
        assertThat(MigrationImages.isMadeByMigration("mecmig/uspa:latest", "uspa")).isFalse();
        assertThat(MigrationImages.isMadeByMigration("mecmig/uspa:uspa-fccp-20261127-103512-k3f9q2", "uspa")).isTrue();
        assertThat(MigrationImages.isMadeByMigration("mecmig/uspa:67a675ffca67", "uspa"))
                .as("the build's own tag, under a container named like its repository").isFalse();
        assertThat(MigrationImages.isMadeByMigration("mecmig/mec-uspa-2:mec-uspa-2-fccp-20261127-103512-k3f9q2", APP))
                .isFalse();
        assertThat(MigrationImages.isMadeByMigration("mecmig/mec-asw:mec-asw-fccp-20261127-103512-k3f9q2", APP))
                .isFalse();
    }

    @Test
    void theRepositoryIsLowercaseAsDockerRequires() {
        assertThat(MigrationImages.repository("Mec-USPA")).isEqualTo("mecmig/mec-uspa");
    }

    /** The source's commit and the target's load or import: what this migration made, and nothing it did not. */
    @Test
    void afterTheMigrationEachHostIsAskedAboutThisMigrationsOwnImageOnly() {
        assertThat(MigrationImages.afterMigration()).extracting(Step::side).containsExactly(Side.SOURCE, Side.TARGET);
        assertThat(MigrationImages.afterMigration()).extracting(Step::name).allMatch(n -> n.contains("this migration's image"));
    }
}
