package io.mecmig.docker;

import java.util.Objects;

/**
 * How a host logs in to its peers over the migration link, for scp and rsync run ON that host: files on
 * that host's own filesystem. Host keys of the peers are pinned in {@code knownHosts}
 * ({@code StrictHostKeyChecking=yes}); an unknown key fails the transfer.
 *
 * @param user the login on the peer
 * @param identity the private key file on this host
 * @param knownHosts the known_hosts file on this host that lists the peers' link addresses
 */
public record LinkAccess(String user, String identity, String knownHosts) {

    public LinkAccess {
        io.mecmig.docker.ssh.Logins.require("link login (link.user)", user);
        HostPaths.requireAbsolute("link key file (link.identity)", identity);
        HostPaths.requireAbsolute("link known_hosts file (link.knownHosts)", knownHosts);
    }

    /** The ssh options every transfer passes: this key, these pinned host keys, no prompts. */
    public java.util.List<String> sshOptions() {
        return java.util.List.of("-i", identity, "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5",
                "-o", "ServerAliveInterval=2", "-o", "ServerAliveCountMax=3",
                // The post-quantum hybrid key exchange OpenSSH picks by default costs about 0.6 s of CPU per
                // connection on a small host: time the migration pays on every scp and rsync.
                "-o", "KexAlgorithms=curve25519-sha256");
    }
}
