package io.mecmig.testbed;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandFailedException;
import io.mecmig.testbed.exec.CommandResult;
import io.mecmig.testbed.exec.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * CRIU's kernel probe, kept for the CRIU runs of this boot. Each CRIU run (every dump, and every restore, where it
 * falls inside the downtime) first probes the kernel's features, 0.07-0.15 s here, unless {@value #FILE} holds an
 * earlier probe's result; CRIU writes that file itself only where /run is a tmpfs, which a reboot clears. Where /run
 * is not a tmpfs (some VMs), {@link #refresh} writes it: {@code criu check} in a private mount namespace whose /run
 * is a fresh tmpfs, and the file CRIU left there copied out. The file carries the criu binary's build stamp, so
 * another CRIU ignores it; the testbed rewrites it at every up and removes it at down (any testbed's down; the next
 * up writes it again), so that no later boot (maybe another kernel) trusts it.
 */
final class CriuKernelCache {

    static final String FILE = "/run/criu.kdat";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final CommandRunner runner;
    private final Path file;

    CriuKernelCache(CommandRunner runner) {
        this(runner, Path.of(FILE));
    }

    CriuKernelCache(CommandRunner runner, Path file) {
        this.runner = runner;
        this.file = file;
    }

    /** Writes the cache where CRIU does not; says what it did, for the step log. Never fails {@code up}. */
    String refresh() {
        if (!runner.succeeds(Command.of("criu", "--version"))) {
            return "CRIU kernel probe: no criu on PATH, nothing to cache";
        }
        String fsType = runFilesystem().orElse("");
        if (fsType.equals("tmpfs")) {
            return "CRIU kernel probe: /run is a tmpfs, CRIU caches it itself";
        }
        Path probe = null;
        try {
            probe = Files.createTempFile("criu", ".kdat");
            // Inside the namespace /run is an empty tmpfs, so CRIU saves its probe there; /tmp is the machine's.
            CommandResult made = runner.run(Command.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                    "mount -t tmpfs -o size=1m,mode=0755 tmpfs /run && { criu check >/dev/null 2>&1; "
                            + "cat " + FILE + " > \"$1\"; }", "sh", probe.toString()).withTimeout(TIMEOUT));
            if (!made.ok() || Files.size(probe) == 0) {
                return "CRIU kernel probe: not cached (" + (made.ok() ? "criu check saved no probe" : made.stderr().strip())
                        + "); every CRIU run probes the kernel again";
            }
            Path fresh = file.resolveSibling(file.getFileName() + ".new");
            Files.copy(probe, fresh, StandardCopyOption.REPLACE_EXISTING);
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return "CRIU kernel probe cached in " + file + " (/run is " + fsType + ", not a tmpfs)";
        } catch (IOException | CommandFailedException e) {
            return "CRIU kernel probe: not cached (" + e.getMessage() + "); every CRIU run probes the kernel again";
        } finally {
            deleteQuietly(probe);
        }
    }

    /** Removes a cache {@link #refresh} may have written; CRIU's own (on a tmpfs /run) is left to it. */
    void remove() {
        if (runFilesystem().filter(type -> !type.equals("tmpfs")).isPresent()) {
            deleteQuietly(file);
        }
    }

    /** The filesystem type of /run ({@code tmpfs}, {@code ext2/ext3}, ...), if {@code stat} tells it. */
    private java.util.Optional<String> runFilesystem() {
        CommandResult stat = runner.run(Command.of("stat", "-f", "-c", "%T", "/run"));
        return stat.ok() ? java.util.Optional.of(stat.stdout().strip()) : java.util.Optional.empty();
    }

    private static void deleteQuietly(Path path) {
        try {
            if (path != null) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // a stale probe file in /tmp is harmless
        }
    }
}
