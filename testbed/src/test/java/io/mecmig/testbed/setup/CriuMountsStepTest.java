package io.mecmig.testbed.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mecmig.testbed.exec.FakeRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriuMountsStepTest {

    @TempDir
    Path root;

    @Test
    void mountsATmpfsFillsItLikeAContainersDevAndCgroupThenMakesItReadOnly() throws Exception {
        SetupPaths paths = SetupPaths.under(root);
        Files.createDirectories(paths.cgroupRoot().resolve("cpu,cpuacct"));
        Files.createDirectories(paths.cgroupRoot().resolve("memory"));
        Files.createSymbolicLink(paths.cgroupRoot().resolve("cpu"), Path.of("cpu,cpuacct"));
        String mounts = paths.criuMounts().toString();
        FakeRunner runner = new FakeRunner().answer("findmnt", 1, "", "").answer("mount", "").answer("mknod", "")
                .answer("chmod", "");
        CriuMountsStep step = new CriuMountsStep(runner, paths, true);

        assertThat(step.isDone()).isFalse();
        String done = step.apply();

        assertThat(runner.ran()).contains("mount -t tmpfs -o size=1m,mode=755,nosuid mecmig-criu-mounts " + mounts,
                "mknod -m 666 " + mounts + "/dev/null c 1 3", "mknod -m 666 " + mounts + "/dev/tty c 5 0",
                "mount -o remount,ro " + mounts);
        assertThat(runner.ran().indexOf("mount -o remount,ro " + mounts)).isEqualTo(runner.ran().size() - 1);
        assertThat(Files.readSymbolicLink(paths.criuMounts().resolve("dev/ptmx"))).isEqualTo(Path.of("pts/ptmx"));
        assertThat(Files.readSymbolicLink(paths.criuMounts().resolve("dev/fd"))).isEqualTo(Path.of("/proc/self/fd"));
        assertThat(paths.criuMounts().resolve("dev/pts")).isEmptyDirectory();
        assertThat(paths.criuMounts().resolve("dev/console")).isRegularFile();
        assertThat(Files.readSymbolicLink(paths.criuMounts().resolve("cgroup/cpu"))).isEqualTo(Path.of("cpu,cpuacct"));
        assertThat(Files.getPosixFilePermissions(paths.criuMounts().resolve("cgroup/memory")))
                .isEqualTo(PosixFilePermissions.fromString("r-xr-xr-x"));
        assertThat(paths.criuMounts().resolve("masked")).isEmptyDirectory();
        assertThat(done).contains("cpu, cpu,cpuacct, memory in cgroup").endsWith("read-only");
    }

    @Test
    void aReadWriteOrMissingMountIsNamedWithTheFix() throws Exception {
        SetupPaths paths = SetupPaths.under(root);
        Files.createDirectories(paths.criuMounts().resolve("dev/pts"));
        Files.createFile(paths.criuMounts().resolve("dev/null"));
        Files.createDirectories(paths.criuMounts().resolve("masked"));

        CriuMountsStep readWrite = new CriuMountsStep(new FakeRunner().answer("findmnt", "rw,nosuid,size=1024k"), paths, false);
        assertThat(readWrite.isDone()).isFalse();
        assertThatThrownBy(readWrite::verify).hasMessageContaining("mounted read-write").hasMessageContaining("./mecmig setup");

        CriuMountsStep readOnly = new CriuMountsStep(new FakeRunner().answer("findmnt", "ro,nosuid,size=1024k"), paths, false);
        assertThat(readOnly.isDone()).isTrue();
        assertThat(readOnly.verify()).contains("read-only tmpfs");

        CriuMountsStep cgroupMissing = new CriuMountsStep(new FakeRunner().answer("findmnt", "ro"), paths, true);
        assertThatThrownBy(cgroupMissing::verify).hasMessageContaining("no cgroup folders");

        CriuMountsStep notMounted = new CriuMountsStep(new FakeRunner().answer("findmnt", 1, "", ""), paths, false);
        assertThatThrownBy(notMounted::verify).hasMessageContaining("is not mounted");
    }

    @Test
    void knowsACgroupTmpfsFromCgroupV2() {
        SetupPaths paths = SetupPaths.under(root);
        assertThat(CriuMountsStep.cgroupIsTmpfs(new FakeRunner().answer("stat", "tmpfs\n"), paths)).isTrue();
        assertThat(CriuMountsStep.cgroupIsTmpfs(new FakeRunner().answer("stat", "cgroup2fs\n"), paths)).isFalse();
    }
}
