package io.mecmig.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.testbed.exec.FakeRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriuKernelCacheTest {

    @TempDir
    Path dir;

    @Test
    void aTmpfsRunIsLeftToCriu() throws Exception {
        Path file = Files.writeString(dir.resolve("criu.kdat"), "criu's own");
        FakeRunner runner = new FakeRunner().answer("criu --version", "Version: 4.2.1").answer("stat -f", "tmpfs\n");
        CriuKernelCache cache = new CriuKernelCache(runner, file);

        assertThat(cache.refresh()).contains("/run is a tmpfs");
        cache.remove();

        assertThat(runner.ran()).noneMatch(line -> line.startsWith("unshare"));
        assertThat(file).hasContent("criu's own");
    }

    @Test
    void withoutCriuNothingIsProbed() {
        FakeRunner runner = new FakeRunner().answer("criu --version", 127, "", "not found");

        assertThat(new CriuKernelCache(runner, dir.resolve("criu.kdat")).refresh()).contains("no criu on PATH");
        assertThat(runner.ran()).noneMatch(line -> line.startsWith("unshare"));
    }

    @Test
    void aProbeThatFailsLeavesNoFileAndSaysSo() {
        Path file = dir.resolve("criu.kdat");
        FakeRunner runner = new FakeRunner().answer("criu --version", "Version: 4.2.1").answer("stat -f", "ext2/ext3\n")
                .answer("unshare", 1, "", "unshare: cannot change root filesystem propagation");

        assertThat(new CriuKernelCache(runner, file).refresh())
                .contains("not cached", "cannot change root filesystem propagation", "probes the kernel again");
        assertThat(file).doesNotExist();
    }

    @Test
    void downRemovesTheFileItWroteWhereRunIsNotATmpfs() throws Exception {
        Path file = Files.writeString(dir.resolve("criu.kdat"), "ours");
        new CriuKernelCache(new FakeRunner().answer("stat -f", "ext2/ext3\n"), file).remove();
        assertThat(file).doesNotExist();
    }
}
