package io.mecmig.testbed.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CriuVersionTest {

    @Test
    void parsesReleaseAndGitBuilds() {
        assertThat(CriuVersion.parse("Version: 4.2.1\n")).isEqualTo(new CriuVersion(4, 2, 1));
        assertThat(CriuVersion.parse("Version: 3.17\nGitID: v3.17-1-g00\n")).isEqualTo(new CriuVersion(3, 17, 0));
    }

    @Test
    void parsesTheExtraNumberOfAMarkedBuild() {
        CriuVersion patched = CriuVersion.parse("Version: 4.2.1.1\n");
        assertThat(patched).isEqualTo(new CriuVersion(4, 2, 1, 1)).isNotEqualTo(new CriuVersion(4, 2, 1));
        assertThat(patched).hasToString("4.2.1.1");
        assertThat(new CriuVersion(4, 2, 1)).hasToString("4.2.1");
        assertThat(patched.atLeast(new CriuVersion(4, 2, 1))).isTrue();
        assertThat(new CriuVersion(4, 2, 1).atLeast(patched)).isFalse();
        assertThat(new CriuVersion(4, 3, 0).atLeast(patched)).isTrue();
    }

    @Test
    void comparesNumerically() {
        assertThat(new CriuVersion(4, 2, 1).atLeast(CriuVersion.MINIMUM)).isTrue();
        assertThat(new CriuVersion(4, 10, 0).atLeast(CriuVersion.MINIMUM)).isTrue();
        assertThat(new CriuVersion(4, 1, 1).atLeast(CriuVersion.MINIMUM)).isFalse();
        assertThat(new CriuVersion(3, 17, 1).atLeast(CriuVersion.MINIMUM)).isFalse();
    }

    @Test
    void rejectsOutputWithoutVersion() {
        assertThatThrownBy(() -> CriuVersion.parse("criu: command not found"))
                .hasMessageContaining("no 'Version: X.Y[.Z[.N]]' line");
    }
}
