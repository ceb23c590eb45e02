package io.mecmig.testbed.setup;

import java.nio.file.Path;

/**
 * Where setup reads and writes on the machine; a record so unit tests can point it at a temporary folder.
 *
 * @param osRelease     the os-release file
 * @param aptSourcesDir apt's configuration folder (sources.list and sources.list.d)
 * @param policyRcD     the invoke-rc.d policy file that stops packages from starting services
 * @param dockerConfig  the host dockerd's daemon.json
 * @param criuConfigDir CRIU's configuration folder (runc reads runc.conf there)
 * @param criuBinary    where the built CRIU is installed
 * @param distroCriu    where a distribution package puts its (too old) criu
 * @param cacheDir      mecmig's cache: built binaries and the private apt lists for source downloads
 * @param logDir        logs of daemons that setup starts
 * @param criuMounts    the read-only folders a CRIU restore mounts for Docker's own tmpfs ({@link CriuMountsStep})
 * @param cgroupRoot    the host's cgroup folder
 */
public record SetupPaths(Path osRelease, Path aptSourcesDir, Path policyRcD, Path dockerConfig, Path criuConfigDir,
                         Path criuBinary, Path distroCriu, Path cacheDir, Path logDir, Path criuMounts,
                         Path cgroupRoot) {

    /** The real locations. */
    public static SetupPaths defaults() {
        return new SetupPaths(Path.of("/etc/os-release"), Path.of("/etc/apt"), Path.of("/usr/sbin/policy-rc.d"),
                Path.of("/etc/docker/daemon.json"), Path.of("/etc/criu"), Path.of("/usr/local/sbin/criu"),
                Path.of("/usr/sbin/criu"), Path.of("/var/cache/mecmig"), Path.of("/var/log/mecmig"),
                Path.of("/run/mecmig/criu-mounts"), Path.of("/sys/fs/cgroup"));
    }

    /** The same layout below {@code root} (for tests). */
    public static SetupPaths under(Path root) {
        SetupPaths real = defaults();
        return new SetupPaths(rebase(root, real.osRelease), rebase(root, real.aptSourcesDir),
                rebase(root, real.policyRcD), rebase(root, real.dockerConfig), rebase(root, real.criuConfigDir),
                rebase(root, real.criuBinary), rebase(root, real.distroCriu), rebase(root, real.cacheDir),
                rebase(root, real.logDir), rebase(root, real.criuMounts), rebase(root, real.cgroupRoot));
    }

    private static Path rebase(Path root, Path absolute) {
        return root.resolve(absolute.toString().substring(1));
    }
}
