package io.mecmig.testbed.setup;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandResult;
import io.mecmig.testbed.exec.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * CRIU 4.2.1, built from Debian's own source tarball against the distribution's libraries. Older CRIU
 * fails on kernels from 6.16 on (sockets), and the newer binary packages need a newer glibc. The built
 * binary is cached, so a second setup (or a fresh install on the same machine) takes no build.
 */
public final class CriuBuildStep implements SetupStep {

    static final String VERSION = "4.2.1";
    static final String DEBIAN_VERSION = "4.2.1-1";
    static final String TARBALL = "criu_" + VERSION + ".orig.tar.xz";

    /** What {@code make criu} needs on Debian 12. */
    public static final List<String> BUILD_PACKAGES = List.of(
            "gcc", "make", "pkg-config", "libc6-dev", "xz-utils", "protobuf-c-compiler", "protobuf-compiler",
            "libprotobuf-dev", "libprotobuf-c-dev", "libnl-3-dev", "libcap-dev", "libnet1-dev", "libbsd-dev",
            "libgnutls28-dev", "libnftables-dev", "uuid-dev", "libaio-dev", "python3-protobuf");

    private final CommandRunner runner;
    private final Apt apt;
    private final SetupPaths paths;
    private final Consumer<String> out;

    public CriuBuildStep(CommandRunner runner, Apt apt, SetupPaths paths, Consumer<String> out) {
        this.runner = runner;
        this.apt = apt;
        this.paths = paths;
        this.out = out;
    }

    @Override
    public String title() {
        return "CRIU " + VERSION + " at " + paths.criuBinary();
    }

    @Override
    public boolean isDone() {
        return versionOf(paths.criuBinary()) != null && versionOf(paths.criuBinary()).atLeast(CriuVersion.MINIMUM);
    }

    @Override
    public String apply() {
        Path cached = cachedBinary();
        String how = "installed the cached build " + cached;
        if (versionOf(cached) == null) {
            long start = System.nanoTime();
            build(cached);
            how = String.format("built from Debian's source in %.0f s (cached at %s) and installed", (System.nanoTime() - start) / 1e9, cached);
        }
        try {
            Files.createDirectories(paths.criuBinary().getParent());
            Files.copy(cached, paths.criuBinary(), StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(paths.criuBinary(), PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new SetupException("cannot install " + paths.criuBinary() + ": " + e.getMessage());
        }
        return how;
    }

    @Override
    public String verify() {
        CriuVersion version = versionOf(paths.criuBinary());
        if (version == null || !version.atLeast(CriuVersion.MINIMUM)) {
            throw new SetupException(paths.criuBinary() + " is not CRIU >= " + CriuVersion.MINIMUM + " (found "
                    + version + "): delete it and " + cachedBinary() + ", then run setup again");
        }
        CommandResult check = runner.run(Command.of(paths.criuBinary().toString(), "check"));
        if (!check.ok()) {
            throw new SetupException("`criu check` fails on this kernel: " + (check.stdout() + check.stderr()).strip());
        }
        String smoke = new CriuSmokeTest(runner, paths.criuBinary(), paths.cacheDir().resolve("tmp")).run();
        return "criu " + version + ", `criu check` passes, " + smoke;
    }

    private Path cachedBinary() {
        return paths.cacheDir().resolve("criu").resolve(VERSION).resolve("criu");
    }

    private CriuVersion versionOf(Path binary) {
        if (!Files.isExecutable(binary)) {
            return null;
        }
        CommandResult result = runner.run(Command.of(binary.toString(), "--version"));
        try {
            return result.ok() ? CriuVersion.parse(result.stdout()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void build(Path cached) {
        List<String> missing = apt.missing(BUILD_PACKAGES);
        if (!missing.isEmpty()) {
            out.accept("    installing CRIU's build dependencies");
            apt.install(missing);
        }
        Path sources = paths.cacheDir().resolve("criu").resolve("source");
        Path tarball = sources.resolve(TARBALL);
        if (!Files.isRegularFile(tarball)) {
            out.accept("    downloading Debian's source of criu " + DEBIAN_VERSION);
            String codename = OsRelease.read(paths.osRelease()).codename();
            new DebianSourceDownload(runner, paths).download(codename, "criu", DEBIAN_VERSION, TARBALL, sources);
        }
        Path buildDir = paths.cacheDir().resolve("criu").resolve("build");
        deleteTree(buildDir);
        try {
            Files.createDirectories(buildDir);
        } catch (IOException e) {
            throw new SetupException("cannot create " + buildDir + ": " + e.getMessage());
        }
        runner.require(Command.of("tar", "-xf", tarball.toString(), "-C", buildDir.toString()));
        Path tree = buildDir.resolve("criu-" + VERSION);
        out.accept("    make criu (about a minute on 2 cores)");
        int jobs = Math.max(1, Runtime.getRuntime().availableProcessors());
        runner.require(Command.of("make", "-j" + jobs, "criu").in(tree).withTimeout(Duration.ofMinutes(20)));
        try {
            Files.createDirectories(cached.getParent());
            Files.copy(tree.resolve("criu").resolve("criu"), cached, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(cached, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new SetupException("the CRIU build left no binary at " + tree.resolve("criu/criu") + ": " + e.getMessage());
        }
        deleteTree(buildDir);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new SetupException("cannot clean " + dir + ": " + e.getMessage());
        }
    }
}
