package io.mecmig.testbed.setup;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandResult;
import io.mecmig.testbed.exec.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folders a CRIU restore mounts where a container had one of Docker's own tmpfs: a small tmpfs at
 * {@code /run/mecmig/criu-mounts}, filled once and then remounted read-only, with
 * <ul>
 *   <li>{@code dev}: what runc puts in a container's {@code /dev} (null, zero, full, random, urandom, tty, the
 *       {@code fd}/{@code stdin}/{@code stdout}/{@code stderr}/{@code ptmx} links, and the mount points
 *       {@code pts}, {@code mqueue}, {@code shm}, {@code console});</li>
 *   <li>{@code cgroup}: the folders and links of this host's {@code /sys/fs/cgroup} (only where that is a tmpfs,
 *       cgroup v1 or hybrid: on cgroup v2 Docker mounts cgroup2 itself there and nothing is to be done);</li>
 *   <li>{@code masked}: an empty folder for the folders Docker masks ({@code /proc/acpi}, {@code /sys/firmware}...).</li>
 * </ul>
 * CRIU otherwise archives each of those tmpfs with {@code tar --gzip} at every dump (after a helper unmounts the
 * mounts over it) and unpacks it at every restore: 0.1-0.25 s of the freeze and ~0.12 s of the restore here, all
 * downtime. {@link CriuRuncConfigStep} names them external instead. Read-only at the file system, not only at the
 * mount: every restored container binds the same folders, and none may change them for the others (CRIU gives the
 * bind the flags the container's mount had, read-write for {@code /dev}). Lives on a tmpfs under {@code /run}, so
 * a reboot empties it: setup mounts it again, and migration-criu's pre-relocation check names it when it is gone.
 */
public final class CriuMountsStep implements SetupStep {

    /** Device nodes runc creates in every container: name, major, minor. */
    static final List<String[]> DEVICES = List.of(new String[] {"null", "1", "3"}, new String[] {"zero", "1", "5"},
            new String[] {"full", "1", "7"}, new String[] {"random", "1", "8"}, new String[] {"urandom", "1", "9"},
            new String[] {"tty", "5", "0"});
    /** The links runc makes in {@code /dev}: name and target. */
    static final List<String[]> DEV_LINKS = List.of(new String[] {"fd", "/proc/self/fd"},
            new String[] {"stdin", "/proc/self/fd/0"}, new String[] {"stdout", "/proc/self/fd/1"},
            new String[] {"stderr", "/proc/self/fd/2"}, new String[] {"ptmx", "pts/ptmx"});

    private final CommandRunner runner;
    private final SetupPaths paths;
    private final boolean cgroupTmpfs;

    /**
     * @param cgroupTmpfs whether containers here get a tmpfs at {@code /sys/fs/cgroup} ({@link #cgroupIsTmpfs})
     */
    public CriuMountsStep(CommandRunner runner, SetupPaths paths, boolean cgroupTmpfs) {
        this.runner = runner;
        this.paths = paths;
        this.cgroupTmpfs = cgroupTmpfs;
    }

    /** Whether this host's {@code /sys/fs/cgroup} is a tmpfs (cgroup v1 or hybrid), as its containers' then is. */
    public static boolean cgroupIsTmpfs(CommandRunner runner, SetupPaths paths) {
        CommandResult type = runner.run(Command.of("stat", "-f", "-c", "%T", paths.cgroupRoot().toString()));
        return type.ok() && type.stdout().strip().equals("tmpfs");
    }

    Path dev() {
        return paths.criuMounts().resolve("dev");
    }

    Path cgroup() {
        return paths.criuMounts().resolve("cgroup");
    }

    Path masked() {
        return paths.criuMounts().resolve("masked");
    }

    @Override
    public String title() {
        return "read-only /dev" + (cgroupTmpfs ? ", cgroup" : "") + " and masked folders for CRIU restores at "
                + paths.criuMounts();
    }

    @Override
    public boolean isDone() {
        return problem() == null;
    }

    @Override
    public String apply() {
        Path root = paths.criuMounts();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new SetupException("cannot make " + root + ": " + e.getMessage());
        }
        if (mountOptions() != null) {
            runner.require(Command.of("umount", root.toString()));
        }
        runner.require(Command.of("mount", "-t", "tmpfs", "-o", "size=1m,mode=755,nosuid", "mecmig-criu-mounts",
                root.toString()));
        try {
            fill();
        } catch (IOException e) {
            throw new SetupException("cannot fill " + root + ": " + e.getMessage());
        }
        runner.require(Command.of("mount", "-o", "remount,ro", root.toString()));
        return "mounted a tmpfs with " + String.join(", ", entries(dev())) + " in dev, " + (cgroupTmpfs
                ? String.join(", ", entries(cgroup())) + " in cgroup, " : "") + "an empty masked folder; read-only";
    }

    private void fill() throws IOException {
        Files.createDirectories(dev());
        for (String[] device : DEVICES) {
            runner.require(Command.of("mknod", "-m", "666", dev().resolve(device[0]).toString(), "c", device[1],
                    device[2]));
        }
        for (String[] link : DEV_LINKS) {
            Files.createSymbolicLink(dev().resolve(link[0]), Path.of(link[1]));
        }
        makeFolder(dev().resolve("pts"), "rwxr-xr-x");
        // mqueue and shm are world-writable with the sticky bit in a container; Java cannot set that bit
        makeFolder(dev().resolve("mqueue"), "rwxrwxrwx");
        makeFolder(dev().resolve("shm"), "rwxrwxrwx");
        runner.require(Command.of("chmod", "1777", dev().resolve("mqueue").toString(), dev().resolve("shm").toString()));
        // where a container with a terminal (-t) has its console bound
        Files.createFile(dev().resolve("console"));
        if (cgroupTmpfs) {
            Files.createDirectories(cgroup());
            try (Stream<Path> hostEntries = Files.list(paths.cgroupRoot())) {
                for (Path entry : hostEntries.sorted().toList()) {
                    Path copy = cgroup().resolve(entry.getFileName().toString());
                    if (Files.isSymbolicLink(entry)) {
                        Files.createSymbolicLink(copy, Files.readSymbolicLink(entry));
                    } else if (Files.isDirectory(entry)) {
                        makeFolder(copy, "r-xr-xr-x");
                    }
                }
            }
        }
        makeFolder(masked(), "r-xr-xr-x");
    }

    private static void makeFolder(Path folder, String permissions) throws IOException {
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString(permissions));
    }

    @Override
    public String verify() {
        String problem = problem();
        if (problem != null) {
            throw new SetupException(problem + ": run ./mecmig setup again (it mounts " + paths.criuMounts()
                    + " afresh)");
        }
        return paths.criuMounts() + " is a read-only tmpfs with dev/null, " + (cgroupTmpfs ? "cgroup, " : "") + "masked";
    }

    private String problem() {
        String options = mountOptions();
        if (options == null) {
            return paths.criuMounts() + " is not mounted";
        }
        if (!List.of(options.split(",")).contains("ro")) {
            return paths.criuMounts() + " is mounted read-write (" + options + ")";
        }
        if (!Files.exists(dev().resolve("null")) || !Files.isDirectory(dev().resolve("pts"))) {
            return paths.criuMounts() + " has no dev/null or dev/pts";
        }
        if (cgroupTmpfs && entries(cgroup()).isEmpty()) {
            return paths.criuMounts() + " has no cgroup folders";
        }
        return Files.isDirectory(masked()) ? null : paths.criuMounts() + " has no masked folder";
    }

    /** The options of the file system mounted at the folder, or null when none is. */
    private String mountOptions() {
        CommandResult found = runner.run(Command.of("findmnt", "-n", "-o", "OPTIONS", "--mountpoint",
                paths.criuMounts().toString()));
        return found.ok() && !found.stdout().isBlank() ? found.stdout().strip() : null;
    }

    private static List<String> entries(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
