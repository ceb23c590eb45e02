package io.mecmig.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MigrationIdsTest {

    /** What Docker accepts as a tag, and lowercase as image names need. */
    private static final String DOCKER_TAG = "[a-z0-9_][a-z0-9_.-]{0,127}";
    private static final Instant AT = Instant.parse("2026-11-27T10:35:12.789Z");

    @Test
    void saysWhatMovedHowAndWhenInUtcThenARandomSuffix() {
        String id = MigrationIds.of("mec-uspa", "fullsp-delta", AT, new Random(1));

        assertThat(id).matches("mec-uspa-fullsp-delta-20261127-103512-[a-z0-9]{6}").matches(DOCKER_TAG);
    }

    @Test
    void twoRunsInTheSameSecondDifferByTheirSuffix() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(MigrationIds.next("mec-ba", "fccp"));
        }
        // 1000 draws of 36^6: a collision would be a broken random source, not bad luck.
        assertThat(ids).hasSize(1000).allMatch(id -> id.matches(DOCKER_TAG));
    }

    @Test
    void aContainerNameDockerAllowsBecomesATagDockerAllows() {
        assertThat(MigrationIds.of("My_App.v2", "fccp", AT, new Random(2)))
                .startsWith("my_app.v2-fccp-20261127-103512-").matches(DOCKER_TAG);
        assertThat(MigrationIds.of("-odd name", "sfp", AT, new Random(3)))
                .startsWith("odd-name-sfp-").matches(DOCKER_TAG);
    }

    @Test
    void aLongContainerNameIsCutButTheStampAndSuffixStay() {
        String id = MigrationIds.of("a".repeat(200), "fccp", AT, new Random(4));

        assertThat(id).hasSize(MigrationIds.MAX_LENGTH).matches(DOCKER_TAG)
                .matches("a+-20261127-103512-[a-z0-9]{6}");
    }
}
