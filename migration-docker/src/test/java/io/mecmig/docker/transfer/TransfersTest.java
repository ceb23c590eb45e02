package io.mecmig.docker.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mecmig.core.LinkProfile;
import io.mecmig.docker.ssh.RemoteCommandException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransfersTest {

    @Test
    void rsyncBytesSentAreReadFromItsStats() {
        String stats = "Number of files: 12\nTotal file size: 13,456,789 bytes\nTotal bytes sent: 2,901,234\n"
                + "Total bytes received: 1,004\n";
        assertThat(RsyncTransfer.bytesSent(stats)).isEqualTo(2_901_234L);
        assertThatThrownBy(() -> RsyncTransfer.bytesSent("nothing")).isInstanceOf(RemoteCommandException.class);
    }

    @Test
    void timeoutGrowsWithSizeOverRate() {
        Duration small = TransferTimeouts.forBytes(1_000, LinkProfile.of("100mbit", 0));
        Duration big = TransferTimeouts.forBytes(100_000_000, LinkProfile.of("100mbit", 0));
        assertThat(small).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(16));
        // 100 MB at 100 Mbit/s is 8 s; four times that on top of the 15 s floor.
        assertThat(big).isEqualTo(Duration.ofSeconds(15 + 32));
        assertThat(TransferTimeouts.forBytes(100_000_000, LinkProfile.unshaped())).isLessThan(big);
    }

    @Test
    void listenerBindsTheLinkAddressAndReportsWhatItReceived() {
        String line = TcpStreamTransfer.listener("10.77.0.2", 41000, "/w/v.tar").line();
        assertThat(line).contains("nc -l -s 10.77.0.2 -p 41000 > /w/v.tar", "echo listening", "received=");
        assertThat(TcpStreamTransfer.pidOf("pid=4242\nlistening\n")).isEqualTo(4242);
    }

    @Test
    void aVolumeReceiverEmptiesTheVolumeFirstAndChecksTheFileOnDiskBeforeItUntars() {
        String line = TcpVolumeCopy.receiverScript("10.77.0.2", 41000, "/w/v.tar", "/d/vol/_data");
        assertThat(line).contains("nc -l -s 10.77.0.2 -p 41000 | tee /w/v.tar | cksum > /w/v.tar.count",
                "echo listening", "echo received=$n", "read -r expected", "exit " + Checksums.MISMATCH);
        assertThat(line.indexOf("find /d/vol/_data -mindepth 1 -delete")).isLessThan(line.indexOf("nc -l"));
        assertThat(line.indexOf("read -r expected")).isLessThan(line.indexOf("cksum < /w/v.tar"));
        assertThat(line.indexOf("cksum < /w/v.tar")).isLessThan(line.indexOf("tar -C /d/vol/_data -xpf /w/v.tar"));
    }

    @Test
    void aVolumeSenderWaitsForTheAppsExitThenForItsGoAheadBeforeTar() {
        String line = TcpVolumeCopy.senderScript(4242, "TERM", "/s/vol/_data", "10.77.0.2", 41000, 60);
        assertThat(line).contains("set -o pipefail", "read -r stop", "kill -s TERM 4242",
                "tail --pid=4242 -s 0.005 -f /dev/null", "echo exited", "read -r go", "tar -C /s/vol/_data -cf - .",
                "nc -N -w 60 10.77.0.2 41000", "echo rc=$rc", "du -sb /s/vol/_data");
        assertThat(line.indexOf("read -r stop")).isLessThan(line.indexOf("kill -s TERM"));
        assertThat(line.indexOf("kill -s TERM")).isLessThan(line.indexOf("tail --pid"));
        assertThat(line.indexOf("echo exited")).isLessThan(line.indexOf("read -r go"));
        assertThat(line.indexOf("read -r go")).isLessThan(line.indexOf("tar -C"));
        assertThat(line.indexOf("echo rc=$rc")).isLessThan(line.indexOf("du -sb"));
        // The sum's line goes to the command's own output (fd 3), not to tee's, which is the stream to nc.
        assertThat(line).contains("exec 3>&1", ">&3)");
    }

    @Test
    void theHostSignalsTheAppOnlyWhenToldAndNotAtAllWithoutASignal() {
        assertThat(TcpVolumeCopy.stopLine(7, "9")).contains("kill -n 9 7");
        assertThat(TcpVolumeCopy.stopLine(7, "")).doesNotContain("kill").contains("read -r stop", "tail --pid=7");
    }

    @Test
    void aMovedFileIsRemovedAfterTheSendAndTheSendersExitStatusIsKept() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("move");
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("v tar"), "x");
        for (String exit : List.of("0", "3")) {
            java.nio.file.Files.writeString(file, "x");
            String line = TcpStreamTransfer.removingAfter(
                    io.mecmig.docker.ssh.RemoteCommand.of("sh", "-c", "exit " + exit), file.toString()).line();
            Process p = new ProcessBuilder("sh", "-c", line).start();
            assertThat(p.waitFor()).isEqualTo(Integer.parseInt(exit));
            assertThat(file).doesNotExist();
        }
    }
}
