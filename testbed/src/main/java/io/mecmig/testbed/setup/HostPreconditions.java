package io.mecmig.testbed.setup;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandRunner;

/** Setup only runs as root on a Debian-like system with apt. */
public final class HostPreconditions {

    private final CommandRunner runner;
    private final SetupPaths paths;

    public HostPreconditions(CommandRunner runner, SetupPaths paths) {
        this.runner = runner;
        this.paths = paths;
    }

    /**
     * @return the detected system
     * @throws SetupException naming what is wrong and what to do
     */
    public OsRelease require() {
        String uid = runner.output(Command.of("id", "-u")).strip();
        if (!uid.equals("0")) {
            throw new SetupException("setup installs system packages and must run as root (uid 0, not " + uid
                    + "): run `sudo ./mecmig setup`");
        }
        OsRelease os = OsRelease.read(paths.osRelease());
        if (!os.isDebianLike()) {
            throw new SetupException("setup supports Debian and Ubuntu only, this is " + os.prettyName()
                    + ": install docker.io, CRIU >= 4.2, openssh-server, rsync, memcached, apache2, nftables,"
                    + " iproute2 and debootstrap by hand");
        }
        if (!runner.succeeds(Command.of("apt-get", "--version"))) {
            throw new SetupException(os.prettyName() + " has no working apt-get: setup installs packages with apt;"
                    + " repair apt (apt-get --version must run) and retry");
        }
        return os;
    }
}
