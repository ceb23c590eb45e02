package io.mecmig.testbed.setup;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandResult;
import io.mecmig.testbed.exec.CommandRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * CRIU 4.2.1, built from Debian's own source tarball against the distribution's libraries, with mecmig's
 * patches ({@link #PATCHES}: the restorer's, and the dump's shorter freeze). Older CRIU fails on kernels from 6.16
 * on (sockets), and the newer binary packages need a newer glibc. The build says "4.2.1.N" ({@link #BUILD}, N the
 * patch level), so a plain 4.2.1, or an older patch level, installed earlier is replaced by it. The built binary is cached under its version, so a second setup (or a fresh install on
 * the same machine) takes no build.
 */
public final class CriuBuildStep implements SetupStep {

    static final String VERSION = "4.2.1";
    static final String DEBIAN_VERSION = "4.2.1-1";
    static final String TARBALL = "criu_" + VERSION + ".orig.tar.xz";

    /**
     * Our patches, resources beside this class, applied in this order with {@code patch -p1} in the extracted source:
     * the restorer populates memory before reading pages into it; the dump keeps the tasks frozen for less time.
     */
    static final List<String> PATCHES = List.of("criu-restorer-populate.patch", "criu-dump-shorter-freeze.patch");

    /** Raise it with any change to {@link #PATCHES}: it names the build and its cache, so setup rebuilds. */
    static final int PATCH_LEVEL = 2;

    /** What the patched build's {@code criu --version} says (the patch level as CRIU's extra number). */
    public static final CriuVersion BUILD = new CriuVersion(4, 2, 1, PATCH_LEVEL);

    /** What the patch does and why, for setup's output. */
    static final String PATCH_SUMMARY = "patched by mecmig: the restorer populates memory with one"
            + " madvise(MADV_POPULATE_WRITE) per range before reading pages into it, instead of a page fault per"
            + " page (~25 us each in a VM): ASW's 43 MB of pages restored in 0.11 s instead of 0.22 s; the dump"
            + " enters the UTS, IPC and external net namespaces itself instead of forking a child for each, and"
            + " checks the freezer every millisecond instead of sleeping 100 ms: ASW frozen ~40 ms less idle, more"
            + " on a busy host";

    /** What building CRIU needs on Debian 12: make criu, and patch for mecmig's restorer patch. */
    public static final List<String> BUILD_PACKAGES = List.of(
            "gcc", "make", "pkg-config", "libc6-dev", "xz-utils", "protobuf-c-compiler", "protobuf-compiler",
            "libprotobuf-dev", "libprotobuf-c-dev", "libnl-3-dev", "libcap-dev", "libnet1-dev", "libbsd-dev",
            "libgnutls28-dev", "libnftables-dev", "uuid-dev", "libaio-dev", "python3-protobuf",
            "patch");

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
        return "CRIU " + BUILD + " at " + paths.criuBinary();
    }

    /** Only our own build counts: a plain 4.2.1 (or any other CRIU) there is replaced by it. */
    @Override
    public boolean isDone() {
        return BUILD.equals(versionOf(paths.criuBinary()));
    }

    @Override
    public String apply() {
        Path cached = cachedBinary();
        String how = "installed the cached build " + cached;
        if (!BUILD.equals(versionOf(cached))) {
            long start = System.nanoTime();
            build(cached);
            how = String.format("built from Debian's source with %s in %.0f s (cached at %s) and installed",
                    String.join(" and ", PATCHES), (System.nanoTime() - start) / 1e9, cached);
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
        if (!BUILD.equals(version)) {
            throw new SetupException(paths.criuBinary() + " is not mecmig's CRIU build " + BUILD + " (found "
                    + version + "): delete it and " + cachedBinary() + ", then run setup again");
        }
        CommandResult check = runner.run(Command.of(paths.criuBinary().toString(), "check"));
        if (!check.ok()) {
            throw new SetupException("`criu check` fails on this kernel: " + (check.stdout() + check.stderr()).strip());
        }
        String smoke = new CriuSmokeTest(runner, paths.criuBinary(), paths.cacheDir().resolve("tmp")).run();
        return "criu " + version + " (" + PATCH_SUMMARY + "), `criu check` passes, " + smoke;
    }

    private Path cachedBinary() {
        return paths.cacheDir().resolve("criu").resolve(BUILD.toString()).resolve("criu");
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
        for (String name : PATCHES) {
            Path patch = writePatch(buildDir, name);
            out.accept("    applying " + name);
            runner.require(Command.of("patch", "-p1", "--forward", "--batch", "-i", patch.toString()).in(tree));
        }
        out.accept("    make criu (about a minute on 2 cores)");
        int jobs = Math.max(1, Runtime.getRuntime().availableProcessors());
        runner.require(Command.of("make", "-j" + jobs, "CRIU_VERSION_EXTRA=" + PATCH_LEVEL, "criu").in(tree)
                .withTimeout(Duration.ofMinutes(20)));
        try {
            Files.createDirectories(cached.getParent());
            Files.copy(tree.resolve("criu").resolve("criu"), cached, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(cached, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new SetupException("the CRIU build left no binary at " + tree.resolve("criu/criu") + ": " + e.getMessage());
        }
        deleteTree(buildDir);
    }

    private static Path writePatch(Path dir, String name) {
        Path file = dir.resolve(name);
        try (InputStream in = CriuBuildStep.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new SetupException(name + " is missing from mecmig's testbed jar: rebuild it (mvn -pl testbed install)");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new SetupException("cannot write " + file + ": " + e.getMessage());
        }
        return file;
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
