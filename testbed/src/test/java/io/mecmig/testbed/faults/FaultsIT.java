package io.mecmig.testbed.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault tools against real kernel parts: two namespaces of its own joined by a veth pair on
 * 10.77.250.0/30 (inside the project's range), nftables, a loop-mounted ext4, real processes.
 */
@Tag("docker")
class FaultsIT {

    private static final ProcessRunner RUN = new ProcessRunner();
    private static final String A = "mf-a";
    private static final String B = "mf-b";

    private final Faults faults = new Faults(RUN);

    @TempDir
    Path tmp;

    @BeforeAll
    static void twoNamespaces() {
        tearDown();
        RUN.require(Command.of("ip", "netns", "add", A));
        RUN.require(Command.of("ip", "netns", "add", B));
        RUN.require(Command.of("ip", "link", "add", "mfa0", "netns", A, "type", "veth", "peer", "name", "mfb0",
                "netns", B));
        RUN.require(Command.of("ip", "-n", A, "addr", "add", "10.77.250.1/30", "dev", "mfa0"));
        RUN.require(Command.of("ip", "-n", B, "addr", "add", "10.77.250.2/30", "dev", "mfb0"));
        RUN.require(Command.of("ip", "-n", A, "link", "set", "mfa0", "up"));
        RUN.require(Command.of("ip", "-n", B, "link", "set", "mfb0", "up"));
    }

    @AfterAll
    static void tearDown() {
        RUN.run(Command.of("ip", "netns", "del", A));
        RUN.run(Command.of("ip", "netns", "del", B));
    }

    private static int pingsAnswered(int count) {
        String out = RUN.run(Command.of("ip", "netns", "exec", A, "ping", "-n", "-q", "-c", Integer.toString(count),
                "-i", "0.01", "-W", "1", "10.77.250.2").withTimeout(Duration.ofSeconds(60))).stdout();
        Matcher m = Pattern.compile("(\\d+) received").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aCutLinkDropsEverythingUntilRestored() {
        assertThat(pingsAnswered(5)).isEqualTo(5);
        try (Fault cut = faults.cutLink(A, "mfa0")) {
            assertThat(cut.describe()).isEqualTo("link mf-a/mfa0 cut");
            assertThat(pingsAnswered(5)).isZero();
        }
        assertThat(pingsAnswered(5)).isEqualTo(5);
    }

    @Test
    void aLossSpikeDropsAboutThatShareEachWay() {
        try (Fault loss = faults.lossSpike(A, "mfa0", 20)) {
            // 20 % on the request out and 20 % on the reply in: about 64 % of 300 pings come back (sd ~8).
            assertThat(pingsAnswered(300)).isBetween(150, 235);
        }
        assertThat(pingsAnswered(20)).isEqualTo(20);
    }

    @Test
    void aSmallDiskFillsUpAndGoesAway() throws IOException {
        Path mount = tmp.resolve("mnt");
        try (SmallDisk disk = faults.smallDisk(tmp.resolve("disk.img"), mount, 16)) {
            assertThat(Files.readString(Path.of("/proc/mounts"))).contains(mount.toString());
            assertThat(disk.fill()).isGreaterThan(8L << 20);
            assertThat(disk.freeBytes()).isLessThan(1L << 20);
            assertThatThrownBy(() -> Files.write(mount.resolve("more"), new byte[1 << 20]))
                    .hasMessageContaining("No space left");
        }
        assertThat(Files.readString(Path.of("/proc/mounts"))).doesNotContain(mount.toString());
        assertThat(tmp.resolve("disk.img")).doesNotExist();
    }

    @Test
    void corruptFlipsBytesInTheMiddle() throws IOException {
        Path file = tmp.resolve("checkpoint.img");
        byte[] original = new byte[4096];
        Files.write(file, original);

        long at = faults.corrupt(file, 16);

        byte[] now = Files.readAllBytes(file);
        assertThat(at).isEqualTo(2048);
        assertThat(now[2048]).isEqualTo((byte) 0xff);
        assertThat(now[2063]).isEqualTo((byte) 0xff);
        assertThat(now[2064]).isZero();
        assertThat(now[2047]).isZero();
    }

    @Test
    void killEndsAProcessAtOnce() throws IOException {
        long pid = RUN.startDetached(Command.of("sleep", "300"), tmp.resolve("sleep.log"));
        Path pidFile = tmp.resolve("sleep.pid");
        Files.writeString(pidFile, pid + "\n");

        Fault killed = faults.killByPidFile(pidFile, "sleeper");

        assertThat(killed.describe()).isEqualTo("sleeper (pid " + pid + ") killed");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void hostileNamesNeverReachACommand() {
        assertThatThrownBy(() -> faults.cutLink("a;reboot", "mfa0")).hasMessageContaining("namespace 'a;reboot'");
        assertThatThrownBy(() -> faults.cutLink(A, "x\" drop; }")).hasMessageContaining("is not valid");
        assertThatThrownBy(() -> faults.lossSpike(A, "mfa0", 0)).hasMessageContaining("use 1 to 100");
    }
}
