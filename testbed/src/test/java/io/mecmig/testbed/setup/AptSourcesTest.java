package io.mecmig.testbed.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AptSourcesTest {

    private static final String DEB822 = """
            Types: deb
            # http://snapshot.example/archive/debian/20250520T000000Z
            URIs: http://mirror.example/debian
            Suites: bookworm bookworm-updates
            Components: main
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

            Types: deb
            URIs: http://mirror.example/debian-security
            Suites: bookworm-security
            Components: main
            """;

    @Test
    void readsDeb822Paragraphs() {
        List<AptSources.Entry> entries = AptSources.parseDeb822(DEB822);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).uri()).isEqualTo("http://mirror.example/debian");
        assertThat(entries.get(0).suites()).containsExactly("bookworm", "bookworm-updates");
        assertThat(entries.get(0).signedBy()).contains("/usr/share/keyrings/debian-archive-keyring.gpg");
        assertThat(entries.get(1).signedBy()).isEmpty();
    }

    @Test
    void skipsDisabledParagraphsAndInlineKeys() {
        List<AptSources.Entry> entries = AptSources.parseDeb822("""
                Types: deb
                URIs: http://a.example/debian
                Suites: bookworm
                Enabled: no

                Types: deb deb-src
                URIs: http://b.example/debian
                Suites: bookworm
                Signed-By:
                 -----BEGIN PGP PUBLIC KEY BLOCK-----
                 xyz
                """);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.uri()).isEqualTo("http://b.example/debian");
            assertThat(e.types()).containsExactly("deb", "deb-src");
            assertThat(e.signedBy()).isEmpty();
        });
    }

    @Test
    void readsOneLineEntriesWithOptionsAndComments() {
        List<AptSources.Entry> entries = AptSources.parseOneLine("""
                # comment
                deb [arch=amd64 signed-by=/k.gpg] http://c.example/debian bookworm main contrib
                deb-src http://c.example/debian bookworm main # trailing
                deb http://security.example/debian-security bookworm-security main
                """);
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).signedBy()).isEqualTo(Optional.of("/k.gpg"));
        assertThat(entries.get(0).suites()).containsExactly("bookworm");
        assertThat(entries.get(1).types()).containsExactly("deb-src");
    }

    @Test
    void picksTheMainArchiveOfTheRelease(@TempDir Path apt) throws Exception {
        Files.createDirectories(apt.resolve("sources.list.d"));
        Files.writeString(apt.resolve("sources.list.d/debian.sources"), DEB822);
        Files.writeString(apt.resolve("sources.list.d/other.list"), "deb https://vendor.example/apt stable main\n");
        Files.writeString(apt.resolve("sources.list.d/old.list.disabled"), "deb http://old.example/debian bookworm main\n");
        AptSources sources = AptSources.read(apt);
        assertThat(sources.entries()).hasSize(3);
        assertThat(sources.mainArchive("bookworm")).map(AptSources.Entry::uri).contains("http://mirror.example/debian");
        assertThat(sources.mainArchive("trixie")).isEmpty();
    }

    @Test
    void sidLineUsesTheMachinesMirrorAndKeyring() {
        AptSources sources = new AptSources(AptSources.parseDeb822(DEB822));
        assertThat(DebianSourceDownload.sidSourceLine(sources, "bookworm")).isEqualTo(
                "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example/debian sid main");
        assertThatThrownBy(() -> DebianSourceDownload.sidSourceLine(sources, "noble"))
                .hasMessageContaining("no Debian archive for 'noble'").hasMessageContaining("by hand");
    }
}
