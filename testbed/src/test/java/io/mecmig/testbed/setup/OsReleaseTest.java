package io.mecmig.testbed.setup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OsReleaseTest {

    @Test
    void readsDebian() {
        OsRelease os = OsRelease.parse("""
                PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
                NAME="Debian GNU/Linux"
                VERSION_ID="12"
                VERSION_CODENAME=bookworm
                ID=debian
                """);
        assertThat(os.id()).isEqualTo("debian");
        assertThat(os.codename()).isEqualTo("bookworm");
        assertThat(os.prettyName()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(os.isDebianLike()).isTrue();
    }

    @Test
    void ubuntuIsDebianLikeAndFedoraIsNot() {
        assertThat(OsRelease.parse("ID=ubuntu\nID_LIKE=debian\nVERSION_CODENAME=noble\n").isDebianLike()).isTrue();
        assertThat(OsRelease.parse("ID=fedora\nPRETTY_NAME='Fedora Linux 40'\n").isDebianLike()).isFalse();
        assertThat(OsRelease.parse("ID=\"rocky\"\nID_LIKE=\"rhel centos fedora\"\n").idLike())
                .containsExactly("rhel", "centos", "fedora");
    }
}
