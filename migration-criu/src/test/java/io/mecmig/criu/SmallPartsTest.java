package io.mecmig.criu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mecmig.core.LinkProfile;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

    @Test
    void compressesOnlyBelowOneGigabit() {
        assertThat(Compression.forLink(LinkProfile.of("100mbit", 0))).isEqualTo(Compression.ZSTD);
        assertThat(Compression.forLink(LinkProfile.of("1gbit", 0))).isEqualTo(Compression.NONE);
        assertThat(Compression.forLink(LinkProfile.unshaped())).isEqualTo(Compression.NONE);
    }

    @Test
    void readsTheRuncRootFromTheShimOptions() {
        assertThat(RuncContainer.runcRootFrom("{\"binary_name\":\"runc\",\"root\":\"/run/x/exec/runtime-runc\"}", "moby", "h"))
                .isEqualTo("/run/x/exec/runtime-runc/moby");
        assertThat(RuncContainer.runcRootFrom("{\"root\":\"/run/m/docker/runtime-runc\"}", "mecmig-meh-src", "h"))
                .isEqualTo("/run/m/docker/runtime-runc/mecmig-meh-src");
        assertThatThrownBy(() -> RuncContainer.runcRootFrom("{}", "moby", "meh-src")).hasMessageContaining("meh-src");
    }

    @Test
    void countsTheBytesDdReports() {
        String dd = "0+3 records in\n0+3 records out\n123456 bytes (123 kB, 121 KiB) copied, 0.01 s, 12 MB/s\n";
        assertThat(LinkStream.bytes(dd)).isEqualTo(123456);
        assertThatThrownBy(() -> LinkStream.bytes("ssh: connect refused")).isInstanceOf(CheckpointException.class);
    }

    @Test
    void boundsTransfersByTheLinkRate() {
        assertThat(LinkStream.timeoutFor(1L << 20, LinkProfile.of("100mbit", 0)).toSeconds()).isEqualTo(30);
        assertThat(LinkStream.timeoutFor(1L << 30, LinkProfile.of("100mbit", 0)).toSeconds()).isGreaterThan(300);
    }

    @Test
    void namesTheCriuOptionsALiveAppNeeds() {
        String masked = "external mnt[/proc/acpi]:mecmig-masked\nexternal mnt[/proc/asound]:mecmig-masked\n"
                + "external mnt[/proc/scsi]:mecmig-masked\nexternal mnt[/sys/firmware]:mecmig-masked\n"
                + "external mnt[mecmig-masked]:/etc/criu/mecmig-masked\n";
        assertThat(CriuConfigCheck.missing("tcp-established\n" + masked)).containsExactly("skip-in-flight", "tcp-close");
        assertThat(CriuConfigCheck.missing("tcp-established\nskip-in-flight\ntcp-close\nlog-file /tmp/x\n" + masked))
                .isEmpty();
        assertThat(CriuConfigCheck.missing("tcp-established\nskip-in-flight\ntcp-close\n"))
                .contains("external mnt[/sys/firmware]:mecmig-masked", "external mnt[mecmig-masked]:/etc/criu/mecmig-masked")
                .hasSize(5);
        assertThat(CriuConfigCheck.missing("")).startsWith("tcp-established", "skip-in-flight", "tcp-close");
    }
}
