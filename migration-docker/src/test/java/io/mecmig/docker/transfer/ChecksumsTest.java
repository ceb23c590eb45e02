package io.mecmig.docker.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mecmig.docker.ssh.RemoteCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sums' shell lines run here by the local shell and coreutils, as they run on the hosts. */
class ChecksumsTest {

    @TempDir
    Path dir;

    @Test
    void aListingSumsEveryFileUnderTheFolderHiddenOnesToo() throws Exception {
        Files.writeString(dir.resolve("b.img"), "bbbb");
        Files.createDirectories(dir.resolve("sub dir"));
        Files.writeString(dir.resolve("sub dir/a"), "a");
        Files.writeString(dir.resolve(".hidden"), "h");

        Map<String, Checksums.Sum> sums = Checksums.parseListing(sh(Checksums.listing(dir.toString())).out);

        assertThat(sums).containsOnlyKeys("./.hidden", "./b.img", "./sub dir/a");
        assertThat(sums.get("./b.img").size()).isEqualTo(4);
        // cksum of "a" as POSIX defines it (coreutils and busybox agree)
        assertThat(sums.get("./sub dir/a")).isEqualTo(new Checksums.Sum(1220704766L, 1));
    }

    @Test
    void verifyNamesTheDamagedFileAndBothSums() {
        Map<String, Checksums.Sum> sent = Map.of("./pages-1.img", new Checksums.Sum(1, 4096), "./core.img",
                new Checksums.Sum(2, 10));
        Checksums.verify("checkpoint", "meh-dst", "/ck", sent, Map.copyOf(sent));

        Map<String, Checksums.Sum> damaged = Map.of("./pages-1.img", new Checksums.Sum(9, 4096), "./core.img",
                new Checksums.Sum(2, 10), "./restore.log", new Checksums.Sum(5, 5));
        assertThatThrownBy(() -> Checksums.verify("checkpoint", "meh-dst", "/ck", sent, damaged))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining("checksum mismatch: /ck/pages-1.img (checkpoint) on meh-dst has cksum 9 (4096 bytes)")
                .hasMessageContaining("the source sent cksum 1 (4096 bytes)")
                .hasMessageContaining("was not used; migrate again");
        assertThatThrownBy(() -> Checksums.verify("checkpoint", "meh-dst", "/ck", sent, Map.of("./core.img",
                new Checksums.Sum(2, 10)))).hasMessageContaining("has no such file");
    }

    @Test
    void aGuardedCommandRunsOnlyWhenTheFileStillHasItsSum() throws Exception {
        Path file = dir.resolve("v.tar");
        Files.write(file, new byte[10240]);
        Checksums.Sum sum = Checksums.Sum.parse(sh(RemoteCommand.of("cksum").from(file.toString())).out);
        Path used = dir.resolve("used");
        RemoteCommand use = RemoteCommand.of("touch", used.toString());

        Result ok = sh(Checksums.guarded(file.toString(), sum, use));
        assertThat(ok.status).isZero();
        assertThat(used).exists();

        Files.delete(used);
        byte[] bytes = Files.readAllBytes(file);
        bytes[5000] ^= 1;
        Files.write(file, bytes);
        Result damaged = sh(Checksums.guarded(file.toString(), sum, use));
        assertThat(damaged.status).isEqualTo(Checksums.MISMATCH);
        assertThat(Checksums.Sum.parse(damaged.out)).isNotEqualTo(sum).extracting(Checksums.Sum::size).isEqualTo(10240L);
        assertThat(used).doesNotExist();

        Files.write(file, java.util.Arrays.copyOf(bytes, 8192)); // a copy cut short
        Result truncated = sh(Checksums.guarded(file.toString(), sum, use));
        assertThat(truncated.status).isEqualTo(Checksums.MISMATCH);
        assertThat(Checksums.Sum.parse(truncated.out).size()).isEqualTo(8192L);
        assertThat(used).doesNotExist();
    }

    private record Result(int status, String out) {
    }

    private static Result sh(RemoteCommand command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", command.line()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
