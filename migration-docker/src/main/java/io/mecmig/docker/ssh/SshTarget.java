package io.mecmig.docker.ssh;

import io.mecmig.core.Names;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the orchestrator logs in to a host's sshd: address, user, private key, and the known_hosts file that
 * pins the host's key. There is deliberately no way to accept an unknown host key.
 *
 * @param host the host's management address or name
 * @param port its sshd port
 * @param user the login, root on the testbed (steps read Docker's data root and run the docker CLI)
 * @param identity the private key file, on the orchestrator's machine
 * @param knownHosts an OpenSSH known_hosts file listing {@code host}'s key, on the orchestrator's machine
 */
public record SshTarget(String host, int port, String user, Path identity, Path knownHosts) {

    public SshTarget {
        Names.requireHostAddress("SSH address (ssh.host)", host);
        Logins.require("SSH user (ssh.user) on " + host, user);
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(knownHosts, "knownHosts");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("ssh port " + port + " is out of range: use 1 to 65535 (sshd's default is 22)");
        }
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port;
    }
}
