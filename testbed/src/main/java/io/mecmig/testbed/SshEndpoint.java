package io.mecmig.testbed;

import java.nio.file.Path;

/**
 * How to log in to a testbed host over SSH.
 *
 * @param address      the address to connect to (the host's management address, reachable from the root namespace)
 * @param port         the port
 * @param user         the login
 * @param privateKey   the client's private key (OpenSSH format, ed25519)
 * @param knownHosts   a known_hosts file pinning every host's key under all its addresses
 * @param clientConfig an ssh_config usable with {@code ssh -F} (key, known_hosts, strict checking)
 */
public record SshEndpoint(String address, int port, String user, Path privateKey, Path knownHosts, Path clientConfig) {
}
