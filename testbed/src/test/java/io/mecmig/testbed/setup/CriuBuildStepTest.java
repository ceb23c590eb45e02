package io.mecmig.testbed.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandResult;
import io.mecmig.testbed.exec.FakeRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriuBuildStepTest {

    @TempDir
    Path root;

    @Test
    void aPlainCriuInstalledIsNotDoneOnlyThePatchedBuildIs() throws Exception {
        SetupPaths paths = SetupPaths.under(root);
        executable(paths.criuBinary());
        String versionCall = paths.criuBinary() + " --version";

        FakeRunner plain = new FakeRunner().answer(versionCall, "Version: 4.2.1\n");
        assertThat(step(plain, paths).isDone()).isFalse();

        FakeRunner older = new FakeRunner().answer(versionCall, "Version: 4.2.1.1\n");
        assertThat(step(older, paths).isDone()).as("an older patch level").isFalse();

        FakeRunner patched = new FakeRunner().answer(versionCall, "Version: 4.2.1.2\n");
        assertThat(step(patched, paths).isDone()).isTrue();

        Files.delete(paths.criuBinary());
        assertThat(step(patched, paths).isDone()).as("nothing installed").isFalse();
    }

    @Test
    void buildsWithThePatchAppliedBeforeMakeAndTheVersionMarked() throws Exception {
        SetupPaths paths = SetupPaths.under(root);
        Path source = paths.cacheDir().resolve("criu/source");
        Files.createDirectories(source);
        Files.writeString(source.resolve(CriuBuildStep.TARBALL), "a tarball");
        // An unpatched build cached by an earlier setup must not be taken for the patched one.
        executable(paths.cacheDir().resolve("criu/4.2.1/criu"));
        Path tree = paths.cacheDir().resolve("criu/build/criu-4.2.1");
        Path cached = paths.cacheDir().resolve("criu/4.2.1.2/criu");
        List<String> patchSeen = new ArrayList<>();
        FakeRunner runner = new FakeRunner() {
            @Override
            public CommandResult run(Command command) {
                if (command.program().equals("patch")) {
                    patchSeen.add(read(Path.of(command.argv().get(command.argv().size() - 1))));
                }
                if (command.program().equals("make")) {
                    executable(tree.resolve("criu/criu")); // what make leaves behind
                }
                return super.run(command);
            }
        }.answer("dpkg-query", "install ok installed").answer("tar", "").answer("patch", "").answer("make", "")
                .answer(cached + " --version", "Version: 4.2.1.2\n");

        String how = step(runner, paths).apply();

        List<Command> build = runner.commands().stream()
                .filter(c -> List.of("tar", "patch", "make").contains(c.program())).toList();
        assertThat(build).extracting(Command::display).containsExactly(
                "tar -xf " + source.resolve(CriuBuildStep.TARBALL) + " -C " + paths.cacheDir().resolve("criu/build"),
                "patch -p1 --forward --batch -i " + paths.cacheDir().resolve("criu/build/criu-restorer-populate.patch"),
                "patch -p1 --forward --batch -i " + paths.cacheDir().resolve("criu/build/criu-dump-shorter-freeze.patch"),
                "make -j" + Runtime.getRuntime().availableProcessors() + " CRIU_VERSION_EXTRA=2 criu");
        // a fresh Debian has neither make nor patch (priority optional): setup installs what the build runs
        assertThat(CriuBuildStep.BUILD_PACKAGES).contains("make", "patch", "xz-utils");
        assertThat(build.subList(1, 4)).extracting(Command::directory).containsOnly(tree);
        assertThat(patchSeen).hasSize(2);
        assertThat(patchSeen.get(0))
                .contains("+++ b/criu/pie/restorer.c")
                .contains("sys_madvise((unsigned long)iovs[i].iov_base, iovs[i].iov_len, MADV_POPULATE_WRITE)")
                .contains("if (!args->auto_dedup && args->uffd < 0)");
        assertThat(patchSeen.get(1))
                .contains("+++ b/criu/namespaces.c").contains("dump_namespace_in_place(ns)")
                .contains("return ns->ext_key && kdat.has_fsopen;")
                .contains("+++ b/criu/seize.c").contains("freezer_wait_step(fd, &req);");
        assertThat(cached).isExecutable();
        assertThat(paths.criuBinary()).isExecutable();
        assertThat(paths.cacheDir().resolve("criu/build")).as("the build tree is removed").doesNotExist();
        assertThat(how).startsWith("built from Debian's source with criu-restorer-populate.patch and"
                + " criu-dump-shorter-freeze.patch");
    }

    @Test
    void installsTheCachedPatchedBuildWithoutBuilding() throws Exception {
        SetupPaths paths = SetupPaths.under(root);
        Path cached = paths.cacheDir().resolve("criu/4.2.1.2/criu");
        executable(cached);
        FakeRunner runner = new FakeRunner().answer(cached + " --version", "Version: 4.2.1.2\n");

        assertThat(step(runner, paths).apply()).isEqualTo("installed the cached build " + cached);
        assertThat(paths.criuBinary()).isExecutable();
        assertThat(runner.ran()).noneMatch(c -> c.startsWith("make") || c.startsWith("patch"));
    }

    @Test
    void theBuildIsNamedByItsPatchLevel() {
        assertThat(CriuBuildStep.BUILD).hasToString("4.2.1." + CriuBuildStep.PATCH_LEVEL);
        assertThat(CriuBuildStep.BUILD.atLeast(CriuVersion.MINIMUM)).isTrue();
        assertThat(CriuBuildStep.PATCHES).allSatisfy(name ->
                assertThat(CriuBuildStep.class.getResource(name)).as(name + " ships in the jar").isNotNull());
    }

    private static CriuBuildStep step(FakeRunner runner, SetupPaths paths) {
        return new CriuBuildStep(runner, new Apt(runner, paths, s -> { }), paths, s -> { });
    }

    private static void executable(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "#!/bin/sh\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
