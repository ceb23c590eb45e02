package io.mecmig.criu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mecmig.docker.ssh.RemoteCommand;
import io.mecmig.docker.transfer.ChecksumMismatchException;
import io.mecmig.docker.transfer.Checksums;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target's one-round-trip check of several folders, its command run here by the local shell. */
class CopyCheckTest {

    @TempDir
    Path dir;

    @Test
    void everyFolderIsCheckedInOneCommandAndADamagedFileIsNamed() throws Exception {
        Path checkpoint = Files.createDirectories(dir.resolve("checkpoint"));
        Path volume = Files.createDirectories(dir.resolve("volume"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.write(checkpoint.resolve("pages-1.img"), new byte[8192]);
        Files.writeString(checkpoint.resolve("core-1.img"), "core");
        Files.writeString(volume.resolve("state.json"), "{\"counter\":7}");
        List<CopyCheck.Folder> folders = List.of(folder("checkpoint mecmig-final", checkpoint),
                folder("volume uspa-data", volume), folder("volume empty", empty));

        CopyCheck.compare("meh-dst", folders, sh(CopyCheck.listings(folders)));

        Files.writeString(volume.resolve("state.json"), "{\"counter\":0}");
        assertThatThrownBy(() -> CopyCheck.compare("meh-dst", folders, sh(CopyCheck.listings(folders))))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining("checksum mismatch: " + volume + "/state.json (volume uspa-data) on meh-dst");
    }

    private static CopyCheck.Folder folder(String what, Path dir) throws Exception {
        return new CopyCheck.Folder(what, dir.toString(), Checksums.parseListing(sh(Checksums.listing(dir.toString()))));
    }

    private static String sh(RemoteCommand command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command.line()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        return out;
    }
}
