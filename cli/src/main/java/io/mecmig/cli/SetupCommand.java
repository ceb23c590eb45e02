package io.mecmig.cli;

import io.mecmig.testbed.exec.ProcessRunner;
import io.mecmig.testbed.setup.Setup;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Installs and configures what mecmig needs on Debian/Ubuntu (root): Docker, CRIU, sshd, memcached, httpd, nftables. */
@Command(name = "setup", description = {
        "Installs and configures, idempotently, what mecmig needs on Debian/Ubuntu (as root):",
        "Docker Engine (experimental on), CRIU 4.2.1 built from Debian's source with mecmig's restorer and",
        "shorter-freeze patches (criu --version: 4.2.1.2) and verified with a real dump and restore, openssh-server, rsync,",
        "memcached, apache2, nftables, iproute2, debootstrap.",
        "Starts a host dockerd when none answers on /var/run/docker.sock. Prints what it did and skipped."})
final class SetupCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Setup.standard(new ProcessRunner(), System.out::println).run();
        return 0;
    }
}
