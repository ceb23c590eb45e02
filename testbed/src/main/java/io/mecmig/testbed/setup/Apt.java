package io.mecmig.testbed.setup;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandRunner;
import io.mecmig.testbed.exec.SafeArgs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Installs Debian packages. Runs {@code apt-get update} at most once per setup, waits for the dpkg
 * lock when someone else is installing, and keeps packages from starting their services (mecmig
 * starts its own daemons where it needs them: apache2 or memcached listening on the host would only
 * be in the way).
 */
public final class Apt {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(20);
    private static final String NO_SERVICE_STARTS = "#!/bin/sh\n# written by mecmig setup while it installs packages\nexit 101\n";

    private final CommandRunner runner;
    private final SetupPaths paths;
    private final Consumer<String> out;
    private boolean updated;

    public Apt(CommandRunner runner, SetupPaths paths, Consumer<String> out) {
        this.runner = runner;
        this.paths = paths;
        this.out = out;
    }

    /** True when dpkg reports the package as installed. */
    public boolean isInstalled(String pkg) {
        SafeArgs.debianPackage(pkg);
        var result = runner.run(Command.of("dpkg-query", "-W", "-f=${Status}", pkg));
        return result.ok() && result.stdout().contains("install ok installed");
    }

    /** The packages of {@code wanted} that are not installed, in order. */
    public List<String> missing(List<String> wanted) {
        List<String> missing = new ArrayList<>();
        for (String pkg : wanted) {
            if (!isInstalled(pkg)) {
                missing.add(pkg);
            }
        }
        return missing;
    }

    /** Installs the packages (without recommends); does nothing for an empty list. */
    public void install(List<String> packages) {
        if (packages.isEmpty()) {
            return;
        }
        packages.forEach(SafeArgs::debianPackage);
        updateOnce();
        out.accept("    apt-get install " + String.join(" ", packages));
        boolean wrotePolicy = blockServiceStarts();
        try {
            List<String> argv = new ArrayList<>(List.of("apt-get", "-o", "DPkg::Lock::Timeout=300", "-y", "-q",
                    "--no-install-recommends", "install"));
            argv.addAll(packages);
            runner.require(Command.of(argv).withEnv("DEBIAN_FRONTEND", "noninteractive").withTimeout(INSTALL_TIMEOUT));
        } finally {
            if (wrotePolicy) {
                deleteQuietly(paths.policyRcD());
            }
        }
    }

    /** Runs {@code apt-get update} unless this setup already did. */
    public void updateOnce() {
        if (!updated) {
            out.accept("    apt-get update");
            runner.require(Command.of("apt-get", "-o", "DPkg::Lock::Timeout=300", "-q", "update")
                    .withTimeout(Duration.ofMinutes(5)));
            updated = true;
        }
    }

    private boolean blockServiceStarts() {
        Path policy = paths.policyRcD();
        if (Files.exists(policy)) {
            return false; // someone's own policy: respect it, and leave it in place
        }
        try {
            Files.createDirectories(policy.getParent());
            Files.writeString(policy, NO_SERVICE_STARTS);
            Files.setPosixFilePermissions(policy, PosixFilePermissions.fromString("rwxr-xr-x"));
            return true;
        } catch (IOException e) {
            throw new SetupException("cannot write " + policy + " (keeps packages from starting services): "
                    + e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Leaving the policy behind only keeps packages from auto-starting; nothing breaks.
        }
    }
}
