package io.mecmig.testbed;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The testbed's SSH material in {@code <state>/ssh}: one client key (authorized on every host), a
 * known_hosts file pinning every host's key under all its addresses, and a client config that uses both.
 * Keys are made once and kept, so pinned host keys stay valid across {@code down} and {@code up}.
 */
final class SshKeys {

    /**
     * The ssh client drop-in that makes plain {@code ssh}/{@code scp}/{@code rsync} to the hosts' addresses
     * use the testbed keys (Debian's ssh_config includes ssh_config.d/*.conf before its own settings).
     */
    static Path clientDropIn(String prefix) {
        return Path.of("/etc/ssh/ssh_config.d/mecmig-testbed-" + prefix + ".conf");
    }

    private final CommandRunner runner;
    private final Path dir;

    SshKeys(CommandRunner runner, Path stateDir) {
        this.runner = runner;
        this.dir = stateDir.resolve("ssh");
    }

    Path clientKey() {
        return dir.resolve("id_ed25519");
    }

    Path authorizedKeys() {
        return dir.resolve("authorized_keys");
    }

    Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    Path clientConfig() {
        return dir.resolve("config");
    }

    /** Creates the client key if missing and authorizes it. */
    void ensureClientKey() {
        ensureKey(clientKey(), "mecmig-testbed-client");
        try {
            Files.writeString(authorizedKeys(), Files.readString(Path.of(clientKey() + ".pub")));
        } catch (IOException e) {
            throw new TestbedException("cannot write " + authorizedKeys() + ": " + e.getMessage());
        }
    }

    /** Creates an ed25519 key pair at {@code key} unless one is there. */
    void ensureKey(Path key, String comment) {
        if (Files.isRegularFile(key) && Files.isRegularFile(Path.of(key + ".pub"))) {
            return;
        }
        try {
            Files.createDirectories(key.getParent());
            Files.deleteIfExists(key);
            Files.deleteIfExists(Path.of(key + ".pub"));
        } catch (IOException e) {
            throw new TestbedException("cannot prepare " + key.getParent() + ": " + e.getMessage());
        }
        runner.require(Command.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", key.toString()));
    }

    /**
     * Pins each host key under the host's addresses, and writes the client config and drop-in.
     *
     * @param hostKeys  public host key file per host
     * @param addresses every address of each host
     */
    void writeKnownHostsAndConfig(String prefix, Map<String, Path> hostKeys, Map<String, List<String>> addresses) {
        List<String> lines = new ArrayList<>();
        try {
            for (var entry : hostKeys.entrySet()) {
                String[] pub = Files.readString(entry.getValue()).strip().split("\\s+");
                lines.add(String.join(",", addresses.get(entry.getKey())) + " " + pub[0] + " " + pub[1]);
            }
            Files.write(knownHosts(), lines);
            Files.writeString(clientConfig(), clientOptions("Host *"));
            Path dropIn = clientDropIn(prefix);
            Files.createDirectories(dropIn.getParent());
            String all = addresses.values().stream().flatMap(List::stream).distinct().collect(java.util.stream.Collectors.joining(" "));
            Files.writeString(dropIn, "# mecmig testbed hosts (removed by `mecmig testbed down`)\n"
                    + clientOptions("Host " + all));
        } catch (IOException e) {
            throw new TestbedException("cannot write the ssh client files in " + dir + ": " + e.getMessage());
        }
    }

    /** Removes the ssh client drop-in (keys stay). */
    void removeDropIn(String prefix) {
        try {
            Files.deleteIfExists(clientDropIn(prefix));
        } catch (IOException e) {
            throw new TestbedException("cannot remove " + clientDropIn(prefix) + ": " + e.getMessage());
        }
    }

    private String clientOptions(String hostLine) {
        return hostLine + "\n"
                + "    User root\n"
                + "    IdentityFile " + clientKey() + "\n"
                + "    IdentitiesOnly yes\n"
                + "    UserKnownHostsFile " + knownHosts() + "\n"
                + "    GlobalKnownHostsFile /dev/null\n"
                + "    StrictHostKeyChecking yes\n"
                + "    BatchMode yes\n"
                + "    ConnectTimeout 5\n";
    }
}
