package io.mecmig.testbed;

import io.mecmig.testbed.TestbedLayout.HostPlan;
import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandResult;
import io.mecmig.testbed.exec.CommandRunner;
import io.mecmig.testbed.exec.Wait;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One host's sshd inside its namespace: own config, own host key, listening on the host's link and
 * management addresses, public-key login only (the testbed's client key).
 */
final class HostSshd {

    static final int PORT = 22;
    private static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final CommandRunner runner;
    private final HostPlan plan;
    private final HostFiles files;
    private final List<String> listenAddresses;

    HostSshd(CommandRunner runner, HostPlan plan, HostFiles files, List<String> listenAddresses) {
        this.runner = runner;
        this.plan = plan;
        this.files = files;
        this.listenAddresses = List.copyOf(listenAddresses);
    }

    Path publicHostKey() {
        return Path.of(files.sshHostKey() + ".pub");
    }

    /** True when something on the management address speaks SSH. */
    boolean answering() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(plan.hostAddress(), PORT), 1000);
            socket.setSoTimeout(2000);
            InputStream in = socket.getInputStream();
            byte[] banner = in.readNBytes(4);
            return new String(banner, StandardCharsets.US_ASCII).equals("SSH-");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes the config and starts sshd unless it answers already with that config (an sshd started from an
     * older config is restarted: it reads its config only when it starts).
     */
    boolean startIfNeeded(SshKeys keys) {
        keys.ensureKey(files.sshHostKey(), "mecmig-" + plan.name());
        boolean changed = writeConfig(keys);
        if (!changed && answering()) {
            return false;
        }
        Pids.live(files.sshdPidFile(), files.sshdConfig().toString()).ifPresent(p -> Pids.stop(p, Duration.ofSeconds(5)));
        try {
            Files.createDirectories(files.runDir());
            Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation folder
        } catch (IOException e) {
            throw new TestbedException("cannot create sshd's runtime folders: " + e.getMessage());
        }
        CommandResult test = runner.run(Command.of(SSHD.toString(), "-t", "-f", files.sshdConfig().toString()));
        if (!test.ok()) {
            throw new TestbedException("sshd rejects " + files.sshdConfig() + ": " + test.stderr().strip()
                    + " (is openssh-server installed? run ./mecmig setup)");
        }
        // sshd daemonizes itself; the pid file says where it went.
        runner.require(Netns.in(plan.name(), SSHD.toString(), "-f", files.sshdConfig().toString(),
                "-E", files.sshdLog().toString()));
        if (!Wait.until(Duration.ofSeconds(10), Duration.ofMillis(100), this::answering)) {
            throw new TestbedException("the sshd of " + plan.name() + " does not answer on " + plan.hostAddress()
                    + ":" + PORT + "; see " + files.sshdLog());
        }
        return true;
    }

    /** The home of logins to this host: commands start there with no shell start-up files of the machine's root. */
    Path home() {
        return files.stateDir().resolve("home");
    }

    void stop() {
        Pids.live(files.sshdPidFile(), files.sshdConfig().toString()).ifPresent(p -> Pids.stop(p, Duration.ofSeconds(5)));
    }

    /** Writes the config; true if it differs from the one already there. */
    private boolean writeConfig(SshKeys keys) {
        StringBuilder config = new StringBuilder("# sshd of the mecmig testbed host " + plan.name() + "\n");
        config.append("Port ").append(PORT).append('\n');
        listenAddresses.forEach(a -> config.append("ListenAddress ").append(a).append('\n'));
        config.append("HostKey ").append(files.sshHostKey()).append('\n')
                .append("PidFile ").append(files.sshdPidFile()).append('\n')
                .append("AuthorizedKeysFile ").append(keys.authorizedKeys()).append('\n')
                .append("PermitRootLogin prohibit-password\n")
                .append("PubkeyAuthentication yes\n")
                .append("PasswordAuthentication no\n")
                .append("KbdInteractiveAuthentication no\n")
                .append("UsePAM no\n")
                .append("PrintMotd no\n")
                .append("AcceptEnv LANG LC_*\n")
                // Commands run as `$SHELL -c`, and bash reads ~/.bashrc when sshd starts it: the machine's own
                // root dotfiles (pyenv, cargo...) would cost every command, scp and nc seconds. A host of its own
                // has its own home; an empty one here.
                .append("SetEnv HOME=").append(home()).append('\n')
                .append("Subsystem sftp internal-sftp\n");
        try {
            Files.createDirectories(files.sshDir());
            Files.createDirectories(home());
            String text = config.toString();
            boolean changed = !Files.exists(files.sshdConfig()) || !Files.readString(files.sshdConfig()).equals(text);
            if (changed) {
                Files.writeString(files.sshdConfig(), text);
            }
            return changed;
        } catch (IOException e) {
            throw new TestbedException("cannot write " + files.sshdConfig() + ": " + e.getMessage());
        }
    }
}
