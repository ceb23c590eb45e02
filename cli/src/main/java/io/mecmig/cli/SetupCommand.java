package io.mecmig.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Installs and configures what mecmig needs on Debian/Ubuntu (root): Docker, CRIU, sshd, memcached, httpd, nftables. */
@Command(name = "setup", description = "Installs and configures what mecmig needs on Debian/Ubuntu (root): Docker, CRIU, sshd, memcached, httpd, nftables.")
final class SetupCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("mecmig setup: not available yet in this version.");
        return 2;
    }
}
