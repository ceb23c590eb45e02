package io.mecmig.criu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mecmig.core.LinkProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

    @Test
    void compressesOnlyBelowOneGigabit() {
        assertThat(Compression.forLink(LinkProfile.of("100mbit", 0))).isEqualTo(Compression.ZSTD);
        assertThat(Compression.forLink(LinkProfile.of("1gbit", 0))).isEqualTo(Compression.NONE);
        assertThat(Compression.forLink(LinkProfile.unshaped())).isEqualTo(Compression.NONE);
    }

    @Test
    void aFailedCheckpointCallSaysWhatToDoForItsCause() {
        assertThat(CheckpointApi.hint("checkpoint is only supported in experimental mode")).contains("\"experimental\": true");
        assertThat(CheckpointApi.hint("exec: \"criu\": executable file not found in $PATH")).contains("not on dockerd's PATH");
        assertThat(CheckpointApi.hint("criu failed: Error (criu/vdso.c): vdso: Unexpected rt vDSO area bounds"))
                .contains("too old");
        assertThat(CheckpointApi.hint("criu failed: Connected TCP socket, consider using --tcp-established option"))
                .contains("tcp-established to /etc/criu/runc.conf");
        // the Engine's answer when the app was killed during the dump: CRIU is fine, its log says what happened
        assertThat(CheckpointApi.hint("runc did not terminate successfully: exit status 1: criu failed: type NOTIFY errno 0"
                + " path= /run/x/criu-dump.log: unknown")).contains("CRIU's log named above").doesNotContain("setup");
        assertThat(CheckpointApi.hint("No such container: mec-asw")).isEmpty();
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
        List<String> external = List.of("external mnt[/proc/acpi]:mecmig-masked", "external mnt[/proc/asound]:mecmig-masked",
                "external mnt[/proc/scsi]:mecmig-masked", "external mnt[/sys/firmware]:mecmig-masked",
                "external mnt[mecmig-masked]:/run/mecmig/criu-mounts/masked", "external mnt[/dev]:mecmig-dev",
                "external mnt[mecmig-dev]:/run/mecmig/criu-mounts/dev");
        List<String> tcp = List.of("tcp-established", "skip-in-flight", "tcp-close");
        List<String> all = new ArrayList<>(tcp);
        all.addAll(external);

        assertThat(CriuConfigCheck.missing(all, false)).isEmpty();
        assertThat(CriuConfigCheck.missing(all, true)).containsExactly("external mnt[/sys/fs/cgroup]:mecmig-cgroup",
                "external mnt[mecmig-cgroup]:/run/mecmig/criu-mounts/cgroup");
        assertThat(CriuConfigCheck.missing(external, false)).containsExactly("tcp-established", "skip-in-flight", "tcp-close");
        assertThat(CriuConfigCheck.missing(List.of("--tcp-established", "skip-in-flight", "tcp-close"), false))
                .containsExactlyElementsOf(external);
    }

    @Test
    void readsTheHostsViewOfItsMountsAndNamesWhatIsWrong() {
        String output = "tcp-established\nskip-in-flight\ntcp-close\n" + String.join("\n", CriuConfigCheck.needed(true))
                + "\n#mecmig: options\nrw,nosuid,size=1024k\n#mecmig: dev\nnull\nzero\npts\n#mecmig: cgroup\n\n";
        Map<String, List<String>> view = CriuConfigCheck.sections(output);
        assertThat(view.get("dev")).containsExactly("null", "zero", "pts");
        assertThat(view.get("cgroup")).isEmpty();

        assertThatThrownBy(() -> CriuConfigCheck.checkHost("meh-dst", view, true))
                .hasMessageContaining("/run/mecmig/criu-mounts on meh-dst is not a read-only mount (rw,nosuid,size=1024k)")
                .hasMessageContaining("./mecmig setup");
        Map<String, List<String>> unmounted = CriuConfigCheck.sections(output.replace("rw,nosuid,size=1024k\n", ""));
        assertThatThrownBy(() -> CriuConfigCheck.checkHost("meh-dst", unmounted, true)).hasMessageContaining("(not mounted)");
        Map<String, List<String>> readOnly = CriuConfigCheck.sections(output.replace("rw,nosuid", "ro,nosuid"));
        CriuConfigCheck.checkHost("meh-dst", readOnly, true);
        assertThatThrownBy(() -> CriuConfigCheck.checkHost("meh-dst", readOnly, false))
                .hasMessageContaining("not a tmpfs (cgroup v2)").hasMessageContaining("remove the mecmig-cgroup lines");
    }

    @Test
    void refusesAnAppWhoseDevHasWhatTheRestoreLacks() {
        CriuConfigCheck.checkEntries("mec-asw", "/dev", List.of("null", "pts"), List.of("null", "zero", "pts"), "meh-dst");
        assertThatThrownBy(() -> CriuConfigCheck.checkEntries("mec-asw", "/dev", List.of("null", "fuse", "net"),
                List.of("null", "zero"), "meh-dst"))
                .hasMessageContaining("container 'mec-asw' has fuse, net in /dev")
                .hasMessageContaining("--device").hasMessageContaining("fccp");
    }
}
